#include "Pcd05.h"

#include "Hl7Text.h"

#include <algorithm>

namespace vigil {

namespace {

QString fromHl7(std::string_view raw, const hl7::Delimiters &d)
{
    return QString::fromUtf8(hl7::unescaped(raw, d)).trimmed();
}

int rank(AlertStatus s)
{
    switch (s) {
    case AlertStatus::Failed:
        return 1;
    case AlertStatus::Rejected:
        return 2;
    case AlertStatus::Delivered:
        return 3;
    case AlertStatus::Read:
        return 4;
    case AlertStatus::Accepted:
        return 5;
    }
    return 0;
}

// The display text of a coded or plain value: "DELIVERED^Delivered^L" reads "Delivered".
QString valueText(const hl7::Field &f, const hl7::Delimiters &d)
{
    const std::string_view text = f.component(2);
    return fromHl7(text.empty() ? f.component(1) : text, d);
}

// A person (XCN id^family^given), a device (EI) or an address, whoever the manager says it reached.
QString recipientOf(const hl7::Segment &prt, const hl7::Delimiters &d)
{
    const hl7::Field person = prt.field(5);
    const QString family = fromHl7(person.component(2), d);
    const QString given = fromHl7(person.component(3), d);
    if (!family.isEmpty() || !given.isEmpty())
        return (given + QLatin1Char(' ') + family).trimmed();
    for (int n : {5, 10, 15}) {
        QString v = fromHl7(prt.field(n).component(1), d);
        if (!v.isEmpty())
            return v;
    }
    return {};
}

bool mentionsStatus(const QString &codeText)
{
    static const char *const kWords[] = {"STATUS", "DISSEM", "DELIVER", "COMMUNICATION", "NOTIF", "RESPONSE"};
    const QString up = codeText.toUpper();
    return std::any_of(std::begin(kWords), std::end(kWords),
                       [&](const char *w) { return up.contains(QLatin1String(w)); });
}

struct Candidate
{
    AlertStatus status;
    QString text;
};

} // namespace

QString nameOf(AlertStatus s)
{
    switch (s) {
    case AlertStatus::Delivered:
        return QStringLiteral("delivered");
    case AlertStatus::Read:
        return QStringLiteral("read");
    case AlertStatus::Accepted:
        return QStringLiteral("accepted");
    case AlertStatus::Rejected:
        return QStringLiteral("rejected");
    case AlertStatus::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

std::optional<AlertStatus> alertStatusFromText(const QString &text)
{
    // Words, not substrings: "already" is not "read", and a code like READ_BY_ENDPOINT still splits.
    QStringList words;
    QString w;
    for (QChar c : text.toLower() + QLatin1Char(' ')) {
        if (c.isLetter()) {
            w += c;
        } else if (!w.isEmpty()) {
            words << w;
            w.clear();
        }
    }
    const auto has = [&](const char *prefix) {
        return std::any_of(words.cbegin(), words.cend(),
                           [&](const QString &x) { return x.startsWith(QLatin1String(prefix)); });
    };
    const auto word = [&](const char *exact) { return words.contains(QLatin1String(exact)); };
    const bool negated = word("not") || word("no") || word("never");
    const bool toManager = word("manager") || word("am") || word("acm") || word("server") || word("gateway");

    // Negative outcomes first: "undeliverable" and "not delivered" contain the positive word.
    if (has("undeliver") || has("fail") || word("error") || has("unreachable") || has("timeout") ||
        (word("timed") && word("out")) || has("expire") || has("unavailable") ||
        (negated && (has("deliver") || has("receiv") || has("reach") || has("read") || has("accept"))))
        return AlertStatus::Failed;
    if (has("reject") || has("declin") || has("refus") || word("denied"))
        return AlertStatus::Rejected;
    // Cancellation follows our own de-escalate / end, and call-backs are a conversation, not an outcome.
    if (has("cancel") || has("callback") || has("withdr"))
        return std::nullopt;
    if (has("accept") || has("acknowledg"))
        return AlertStatus::Accepted;
    if (word("read") || word("seen") || word("viewed") || word("opened") || word("displayed"))
        return AlertStatus::Read;
    if (has("deliver") || has("receiv")) {
        // Reaching the manager itself is what its ACK already said; only the endpoint counts here.
        if (toManager)
            return std::nullopt;
        return AlertStatus::Delivered;
    }
    return std::nullopt;
}

std::vector<Pcd05Status> parsePcd05(const hl7::Message &m)
{
    const hl7::Delimiters &d = m.delimiters();
    std::vector<int> obrs;
    for (int i = 0; i < m.segmentCount(); ++i)
        if (m.segment(i).is("OBR"))
            obrs.push_back(i);

    const hl7::Segment msa = m.find("MSA");
    const QString ackOf = msa.valid() ? fromHl7(msa.field(2).component(1), d) : QString();

    // The best status in segments [from, to): PRT and status-named OBX rows first; other text rows, NTE
    // only when those say nothing.
    const auto scan = [&](int from, int to) -> std::optional<Candidate> {
        std::optional<Candidate> strong, weak;
        const auto offer = [](std::optional<Candidate> &slot, const Candidate &c) {
            if (!slot || rank(c.status) > rank(slot->status))
                slot = c;
        };
        for (int i = from; i < to; ++i) {
            const hl7::Segment s = m.segment(i);
            if (s.is("PRT")) {
                // PRT-2 action code, PRT-3 action reason ("PRT|||Delivered"), PRT-4 participation. Later
                // fields name people and devices, whose names must not read as a status.
                for (int n = 2; n <= 4; ++n) {
                    const hl7::Field f = s.field(n);
                    if (f.empty())
                        continue;
                    if (auto st = alertStatusFromText(fromHl7(f.raw(), d))) {
                        Candidate c{*st, valueText(f, d)};
                        const QString who = recipientOf(s, d);
                        if (!who.isEmpty())
                            c.text += QStringLiteral(" (%1)").arg(who);
                        offer(strong, c);
                        break;
                    }
                }
            } else if (s.is("OBX")) {
                const QString code = fromHl7(s.field(3).raw(), d);
                const QString type = fromHl7(s.field(2).raw(), d);
                const hl7::Field value = s.field(5);
                if (value.empty() || type == QLatin1String("NM") || type == QLatin1String("NA"))
                    continue;
                const auto st = alertStatusFromText(fromHl7(value.raw(), d));
                if (!st)
                    continue;
                if (mentionsStatus(code))
                    offer(strong, {*st, valueText(value, d)});
                else if (!code.contains(QLatin1String("MDC_EVT")) &&
                         !code.contains(QLatin1String("MDC_ATTR")))
                    offer(weak, {*st, valueText(value, d)}); // not an echoed alarm facet ("sensor failure")
            } else if (s.is("NTE")) {
                if (auto st = alertStatusFromText(fromHl7(s.field(3).raw(), d)))
                    offer(weak, {*st, fromHl7(s.field(3).raw(), d)});
            }
        }
        return strong ? strong : weak;
    };

    std::vector<Pcd05Status> out;
    const int headerEnd = obrs.empty() ? m.segmentCount() : obrs.front();
    const std::optional<Candidate> header = scan(1, headerEnd);
    std::optional<Candidate> msaStatus;
    if (msa.valid()) {
        if (auto st = alertStatusFromText(fromHl7(msa.field(3).raw(), d)))
            msaStatus = Candidate{*st, fromHl7(msa.field(3).raw(), d)};
    }
    if (obrs.empty()) {
        const std::optional<Candidate> c = header ? header : msaStatus;
        if (c && !ackOf.isEmpty())
            out.push_back({{}, ackOf, c->status, c->text});
        return out;
    }
    for (std::size_t g = 0; g < obrs.size(); ++g) {
        const int from = obrs[g];
        const int to = g + 1 < obrs.size() ? obrs[g + 1] : m.segmentCount();
        std::optional<Candidate> c = scan(from + 1, to);
        if (!c)
            c = header ? header : msaStatus;
        if (!c)
            continue;
        const hl7::Segment obr = m.segment(from);
        Pcd05Status s;
        const auto add = [&](const QString &id) {
            if (!id.isEmpty() && !s.alarmIds.contains(id))
                s.alarmIds << id;
        };
        // OBR-3 as we sent it (raw), its entity id, then the placer number some managers use instead.
        add(fromHl7(obr.field(3).raw(), d));
        add(fromHl7(obr.field(3).component(1), d));
        add(fromHl7(obr.field(2).raw(), d));
        add(fromHl7(obr.field(2).component(1), d));
        s.ackControlId = ackOf;
        s.status = c->status;
        s.text = c->text;
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace vigil
