// Reports: blocks, pagination and the page header.
#include "ReportLayout.h"

#include <QFontMetricsF>
#include <QPaintDevice>

#include <algorithm>
#include <cmath>

namespace vigil::reports {

QFont Ctx::font(double pt, bool bold) const
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(pt);
    f.setBold(bold);
    return f;
}

double Ctx::textHeight(const QFont &f, double widthMm, const QString &s) const
{
    const QFontMetricsF fm(f, device);
    const QRectF r = fm.boundingRect(QRectF(0, 0, widthMm * k, 1e6), Qt::TextWordWrap, s);
    return std::max(r.height(), fm.height()) / k;
}

double Ctx::textWidth(const QFont &f, const QString &s) const
{
    return QFontMetricsF(f, device).horizontalAdvance(s) / k;
}

void Ctx::text(QPainter &p, const QRectF &mm, int flags, const QString &s) const
{
    p.drawText(mm2px(mm), flags, s);
}

namespace {

class TextBlock : public Block
{
public:
    TextBlock(QString t, double pt, bool bold, QColor colour, double before, double after)
        : m_text(std::move(t)), m_pt(pt), m_bold(bold), m_colour(colour), m_before(before), m_after(after)
    {}
    double height(const Ctx &c, double w) const override
    {
        return m_before + c.textHeight(c.font(m_pt, m_bold), w, m_text) + m_after;
    }
    void paint(QPainter &p, const Ctx &c, const QRectF &r) const override
    {
        p.setFont(c.font(m_pt, m_bold));
        p.setPen(m_colour);
        c.text(p, r.adjusted(0, m_before, 0, 0), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, m_text);
    }

private:
    QString m_text;
    double m_pt;
    bool m_bold;
    QColor m_colour;
    double m_before, m_after;
};

class HeadingBlock : public TextBlock
{
public:
    HeadingBlock(const QString &t, double pt) : TextBlock(t, pt, true, paper::Ink, 3.5, 1.5) {}
    void paint(QPainter &p, const Ctx &c, const QRectF &r) const override
    {
        TextBlock::paint(p, c, r);
        p.setPen(QPen(paper::Rule, 0.3 * c.k));
        p.drawLine(c.mm2px(QPointF(r.left(), r.bottom() - 0.6)),
                   c.mm2px(QPointF(r.right(), r.bottom() - 0.6)));
    }
};

class SpacerBlock : public Block
{
public:
    explicit SpacerBlock(double mm) : m_mm(mm) {}
    double height(const Ctx &, double) const override { return m_mm; }
    void paint(QPainter &, const Ctx &, const QRectF &) const override {}

private:
    double m_mm;
};

class BannerBlock : public Block
{
public:
    BannerBlock(QString label, QString text, QColor colour)
        : m_label(std::move(label)), m_text(std::move(text)), m_colour(colour)
    {}
    double height(const Ctx &, double) const override { return 14; }
    void paint(QPainter &p, const Ctx &c, const QRectF &r) const override
    {
        const QRectF box(r.left(), r.top() + 1.5, r.width(), 11);
        p.setPen(QPen(m_colour, 0.8 * c.k));
        p.setBrush(m_colour.lighter(185));
        p.drawRect(c.mm2px(box));
        p.setPen(paper::Ink);
        // Label small on the left (it may be long: who set it and when), the value large beside it.
        p.setFont(c.font(17, true));
        const double valueW = c.textWidth(p.font(), m_text) + 4;
        p.setPen(m_colour.darker(130));
        c.text(p, box.adjusted(3, 0, -3, 0), Qt::AlignLeft | Qt::AlignVCenter, m_text);
        p.setFont(c.font(9.5));
        p.setPen(paper::Ink);
        c.text(p, box.adjusted(3 + valueW + 4, 0, -3, 0), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
               m_label);
    }

private:
    QString m_label, m_text;
    QColor m_colour;
};

class CustomBlock : public Block
{
public:
    CustomBlock(double h, std::function<void(QPainter &, const Ctx &, const QRectF &)> f)
        : m_h(h), m_f(std::move(f))
    {}
    double height(const Ctx &, double) const override { return m_h; }
    void paint(QPainter &p, const Ctx &c, const QRectF &r) const override { m_f(p, c, r); }

private:
    double m_h;
    std::function<void(QPainter &, const Ctx &, const QRectF &)> m_f;
};

class TableBlock : public Block
{
public:
    explicit TableBlock(Table t) : m_t(std::move(t)) {}

    std::vector<double> colWidths(double w) const
    {
        double sum = 0;
        for (double x : m_t.widths)
            sum += x;
        std::vector<double> out;
        for (int i = 0; i < int(m_t.columns.size()); ++i) {
            const double rel = i < int(m_t.widths.size()) ? m_t.widths[std::size_t(i)] : 1.0;
            out.push_back(w * rel / (sum > 0 ? sum : double(m_t.columns.size())));
        }
        return out;
    }
    double rowHeight(const Ctx &c, const std::vector<double> &cw, const QStringList &cells, bool bold) const
    {
        const QFont f = c.font(m_t.pt, bold);
        double h = 0;
        for (int i = 0; i < cells.size() && i < int(cw.size()); ++i)
            h = std::max(h, c.textHeight(f, cw[std::size_t(i)] - 2.0, cells[i]));
        return h + 1.6;
    }
    double height(const Ctx &c, double w) const override
    {
        const auto cw = colWidths(w);
        double h = rowHeight(c, cw, m_t.columns, true) + 1.0;
        for (const auto &r : m_t.rows)
            h += rowHeight(c, cw, r, false);
        return h + 1.5;
    }
    std::unique_ptr<Block> splitOff(const Ctx &c, double w, double avail) override
    {
        const auto cw = colWidths(w);
        double h = rowHeight(c, cw, m_t.columns, true) + 1.0 + 1.5;
        std::size_t n = 0;
        while (n < m_t.rows.size()) {
            const double rh = rowHeight(c, cw, m_t.rows[n], false);
            if (h + rh > avail)
                break;
            h += rh;
            ++n;
        }
        if (n == 0 || n == m_t.rows.size())
            return nullptr;
        Table first = m_t;
        first.rows.assign(m_t.rows.begin(), m_t.rows.begin() + std::ptrdiff_t(n));
        if (!m_t.rowColours.empty())
            first.rowColours.assign(m_t.rowColours.begin(),
                                    m_t.rowColours.begin() +
                                        std::ptrdiff_t(std::min(n, m_t.rowColours.size())));
        m_t.rows.erase(m_t.rows.begin(), m_t.rows.begin() + std::ptrdiff_t(n));
        if (!m_t.rowColours.empty())
            m_t.rowColours.erase(m_t.rowColours.begin(),
                                 m_t.rowColours.begin() + std::ptrdiff_t(std::min(n, m_t.rowColours.size())));
        auto b = std::make_unique<TableBlock>(std::move(first));
        b->section = section;
        return b;
    }
    void paint(QPainter &p, const Ctx &c, const QRectF &r) const override
    {
        const auto cw = colWidths(r.width());
        double y = r.top();
        auto drawRow = [&](const QStringList &cells, bool bold, QColor colour, bool shade) {
            const double rh = rowHeight(c, cw, cells, bold);
            if (shade) {
                p.setPen(Qt::NoPen);
                p.setBrush(paper::Band);
                p.drawRect(c.mm2px(QRectF(r.left(), y, r.width(), rh)));
            }
            p.setFont(c.font(m_t.pt, bold));
            p.setPen(colour);
            double x = r.left();
            for (int i = 0; i < cells.size() && i < int(cw.size()); ++i) {
                c.text(p, QRectF(x + 1.0, y + 0.8, cw[std::size_t(i)] - 2.0, rh),
                       Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, cells[i]);
                x += cw[std::size_t(i)];
            }
            y += rh;
        };
        drawRow(m_t.columns, true, paper::Ink, false);
        p.setPen(QPen(paper::Ink, 0.35 * c.k));
        p.drawLine(c.mm2px(QPointF(r.left(), y)), c.mm2px(QPointF(r.right(), y)));
        y += 1.0;
        for (std::size_t i = 0; i < m_t.rows.size(); ++i) {
            const QColor colour = i < m_t.rowColours.size() ? m_t.rowColours[i] : paper::Ink;
            drawRow(m_t.rows[i], false, colour, i % 2 == 1);
        }
    }

private:
    Table m_t;
};

} // namespace

std::unique_ptr<Block> heading(const QString &text, double pt)
{
    auto b = std::make_unique<HeadingBlock>(text, pt);
    b->keepWithNext = true;
    return b;
}

std::unique_ptr<Block> paragraph(const QString &text, double pt, bool bold, QColor colour)
{
    return std::make_unique<TextBlock>(text, pt, bold, colour, 0.5, 1.0);
}

std::unique_ptr<Block> spacer(double mm)
{
    return std::make_unique<SpacerBlock>(mm);
}

std::unique_ptr<Block> pageBreak()
{
    auto b = std::make_unique<SpacerBlock>(0);
    b->pageBreakBefore = true;
    return b;
}

std::unique_ptr<Block> banner(const QString &label, const QString &text, QColor colour)
{
    return std::make_unique<BannerBlock>(label, text, colour);
}

std::unique_ptr<Block> table(Table t)
{
    return std::make_unique<TableBlock>(std::move(t));
}

std::unique_ptr<Block> custom(double heightMm,
                              std::function<void(QPainter &, const Ctx &, const QRectF &)> paint)
{
    return std::make_unique<CustomBlock>(heightMm, std::move(paint));
}

void Document::paginate(const Ctx &c, double w, double pageH)
{
    pages.clear();
    const double body = pageH - kHeaderMm - kFooterMm;
    pages.push_back(Page{blocks.empty() ? 0 : blocks.front()->section, {}});
    double y = 0;
    auto newPage = [&](int sectionIndex) {
        pages.push_back(Page{sectionIndex, {}});
        y = 0;
    };
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        Block *b = blocks[i].get();
        if (b->pageBreakBefore && !pages.back().items.empty()) {
            newPage(b->section);
            continue;
        }
        if (pages.back().items.empty())
            pages.back().section = b->section;
        double h = b->height(c, w);
        // A heading goes with what follows it: move it on when the two do not fit.
        double need = h;
        if (b->keepWithNext && i + 1 < blocks.size())
            need += std::min(blocks[i + 1]->height(c, w), 30.0);
        if (y + need > body && y > 0) {
            if (auto part = b->splitOff(c, w, body - y)) {
                const double ph = part->height(c, w);
                pages.back().items.push_back({part.get(), y, ph});
                owned.push_back(std::move(part));
                newPage(b->section);
                --i; // place the rest
                continue;
            }
            newPage(b->section);
        }
        // Taller than a whole page: split it page by page.
        while (h > body - y) {
            auto part = b->splitOff(c, w, body - y);
            if (!part)
                break; // cannot split: clipped by the page (never happens for the blocks the reports use)
            const double ph = part->height(c, w);
            pages.back().items.push_back({part.get(), y, ph});
            owned.push_back(std::move(part));
            newPage(b->section);
            h = b->height(c, w);
        }
        pages.back().items.push_back({b, y, h});
        y += h;
    }
}

void Document::paintPage(QPainter &p, const Ctx &c, int index, double w, double pageH) const
{
    const Page &page = pages[std::size_t(index)];
    const Section &s = sections[std::size_t(std::clamp(page.section, 0, int(sections.size()) - 1))];
    // Header: title and page on the first line, then ward / bed / patient, then stay / period / generated.
    p.setPen(paper::Ink);
    p.setFont(c.font(13, true));
    c.text(p, QRectF(0, 0, w * 0.7, 7), Qt::AlignLeft | Qt::AlignVCenter, title);
    p.setFont(c.font(10, true));
    c.text(p, QRectF(w * 0.6, 0, w * 0.4, 7), Qt::AlignRight | Qt::AlignVCenter,
           QStringLiteral("Page %1 of %2").arg(index + 1).arg(pages.size()));
    QStringList who;
    if (!ward.isEmpty())
        who << QStringLiteral("Ward %1").arg(ward);
    if (!s.bed.isEmpty())
        who << QStringLiteral("Bed %1").arg(s.bed);
    if (!s.patient.isEmpty() || !s.patientId.isEmpty())
        who << QStringLiteral("%1 (ID %2)")
                   .arg(s.patient.isEmpty() ? QStringLiteral("Unknown patient") : s.patient,
                        s.patientId.isEmpty() ? QStringLiteral("-") : s.patientId);
    p.setFont(c.font(11, true));
    c.text(p, QRectF(0, 7, w, 6), Qt::AlignLeft | Qt::AlignVCenter, who.join(QStringLiteral("   \u00b7   ")));
    QStringList meta;
    if (!s.stay.isEmpty())
        meta << QStringLiteral("Stay %1").arg(s.stay);
    meta << QStringLiteral("Period %1").arg(period);
    p.setFont(c.font(8.5));
    p.setPen(paper::Muted);
    c.text(p, QRectF(0, 13, w, 5), Qt::AlignLeft | Qt::AlignVCenter, meta.join(QStringLiteral("    ")));
    // Its own line: a long stay and period would otherwise run into it.
    c.text(p, QRectF(0, 17, w, 4.5), Qt::AlignLeft | Qt::AlignVCenter,
           QStringLiteral("Generated %1").arg(generated));
    p.setPen(QPen(paper::Ink, 0.5 * c.k));
    p.drawLine(c.mm2px(QPointF(0, kHeaderMm - 2.5)), c.mm2px(QPointF(w, kHeaderMm - 2.5)));

    for (const auto &it : page.items) {
        p.save();
        it.block->paint(p, c, QRectF(0, kHeaderMm + it.y, w, it.h));
        p.restore();
    }
    // Footer.
    p.setFont(c.font(7.5));
    p.setPen(paper::Muted);
    c.text(p, QRectF(0, pageH - kFooterMm + 1, w, kFooterMm - 1), Qt::AlignLeft | Qt::AlignVCenter,
           QStringLiteral("Vigil central station \u2014 printed from the full-disclosure archive; "
                          "grey hatched bands = no data (reason given)"));
    c.text(p, QRectF(0, pageH - kFooterMm + 1, w, kFooterMm - 1), Qt::AlignRight | Qt::AlignVCenter,
           QStringLiteral("%1 / %2").arg(index + 1).arg(pages.size()));
}

} // namespace vigil::reports
