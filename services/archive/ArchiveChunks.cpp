// Applying queued items inside the writer's transaction: beds, stays, waveform and numeric chunks, and
// the tail segments that make an open chunk durable before it is complete.
#include "ArchivePrivate.h"

#include "ChunkFormat.h"

#include <algorithm>
#include <limits>
#include <span>

namespace vigil::archive {

using namespace writer;

namespace {

QString patientIdentity(const PatientInfo &p)
{
    return !p.id.isEmpty() ? p.id : p.name;
}

} // namespace

void Archive::Private::prepare()
{
    sqlite3 *h = db.handle();
    insBed = sql::Stmt(h, "INSERT INTO bed(key, label) VALUES (?1, ?2)");
    updBedLabel = sql::Stmt(h, "UPDATE bed SET label = ?2 WHERE id = ?1");
    insStay = sql::Stmt(h, "INSERT INTO stay(bed_id, patient_id, patient_name, profile, start_ms, source) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    endStay = sql::Stmt(h, "UPDATE stay SET end_ms = ?2 WHERE id = ?1");
    updStayPatient = sql::Stmt(h, "UPDATE stay SET patient_name = ?2, profile = ?3 WHERE id = ?1");
    updStayIdentity = sql::Stmt(
        h, "UPDATE stay SET patient_id = ?2, patient_name = ?3, profile = ?4, source = ?5 WHERE id = ?1");
    insWave =
        sql::Stmt(h, "INSERT INTO wave_chunk(bed_id, stay_id, channel, start_us, end_us, rate, n, gain, "
                     "baseline, quant, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    insWaveTail =
        sql::Stmt(h, "INSERT INTO wave_tail(bed_id, stay_id, channel, start_us, end_us, rate, n, gain, "
                     "baseline, quant, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    delWaveTail = sql::Stmt(h, "DELETE FROM wave_tail WHERE id = ?1");
    insNum = sql::Stmt(h, "INSERT INTO numeric_chunk(bed_id, nid, start_ms, seq, stay_id, end_ms, n, data) "
                          "VALUES (?1, ?2, ?3, (SELECT coalesce(max(seq) + 1, 0) FROM numeric_chunk WHERE "
                          "bed_id = ?1 AND nid = ?2 AND start_ms = ?3), ?4, ?5, ?6, ?7)");
    insNumTail = sql::Stmt(h, "INSERT INTO numeric_tail(bed_id, stay_id, nid, start_ms, end_ms, n, data) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    delNumTail = sql::Stmt(h, "DELETE FROM numeric_tail WHERE id = ?1");
    insAlarm =
        sql::Stmt(h, "INSERT INTO alarm_event(bed_id, stay_id, alarm_id, t_ms, onset_ms, source, kind, "
                     "priority, phase, state, code, text, metric, value, limit_low, limit_high, unit, "
                     "user) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                     "?16, ?17, ?18)");
    insEvent =
        sql::Stmt(h, "INSERT INTO event(bed_id, stay_id, t_ms, type, text) VALUES (?1, ?2, ?3, ?4, ?5)");
}

qint64 Archive::Private::waveChunkSamples(double rate) const
{
    const double seconds = std::clamp(opt.waveChunkSeconds, 0.05, kMaxWaveChunkUs / 1e6 - 1.0);
    // The cap keeps an absurd rate from exceeding the codec's chunk limit.
    return std::clamp<qint64>(qint64(std::floor(seconds * rate + 0.5)), 1, qint64(1) << 22);
}

BedState &Archive::Private::bed(const QString &key, const QString &label)
{
    auto it = beds.find(key);
    if (it == beds.end()) {
        insBed.bind(1, key).bind(2, label.isNull() ? QStringLiteral("") : label).run();
        BedState b;
        b.id = sqlite3_last_insert_rowid(db.handle());
        b.key = key;
        b.label = label;
        it = beds.emplace(key, std::move(b));
    } else if (!label.isEmpty() && label != it->label) {
        updBedLabel.bind(1, it->id).bind(2, label).run();
        it->label = label;
    }
    return *it;
}

void Archive::Private::apply(const Item &item)
{
    if (const auto *u = std::get_if<BedUpdate>(&item.payload)) {
        if (!u->bedKey.isEmpty())
            applyUpdate(*u, item.receivedMs);
    } else if (const auto *a = std::get_if<AlarmRecord>(&item.payload)) {
        qint64 bedId = 0, stayId = 0;
        if (!a->bedKey.isEmpty()) {
            BedState &b = bed(a->bedKey, {});
            bedId = b.id;
            stayId = b.stayOpen ? b.stayId : 0;
        }
        auto &s = insAlarm;
        bedId ? s.bind(1, bedId) : s.bindNull(1);
        stayId ? s.bind(2, stayId) : s.bindNull(2);
        s.bind(3, a->alarmId.isNull() ? QStringLiteral("") : a->alarmId);
        s.bind(4, a->timeMs ? a->timeMs : item.receivedMs);
        a->onsetMs ? s.bind(5, a->onsetMs) : s.bindNull(5);
        s.bind(6, int(a->source)).bind(7, storedKind(a->kind)).bind(8, storedPriority(a->priority));
        s.bind(9, int(a->step));
        s.bind(10, a->state).bind(11, a->code.isNull() ? QStringLiteral("") : a->code).bind(12, a->text);
        s.bind(13, a->metric).bindOptional(14, a->value).bindOptional(15, a->limitLow);
        s.bindOptional(16, a->limitHigh).bind(17, a->unit).bind(18, a->user).run();
    } else if (const auto *e = std::get_if<ArchiveEvent>(&item.payload)) {
        qint64 bedId = 0, stayId = 0;
        if (!e->bedKey.isEmpty()) {
            BedState &b = bed(e->bedKey, {});
            bedId = b.id;
            stayId = b.stayOpen ? b.stayId : 0;
        }
        bedId ? insEvent.bind(1, bedId) : insEvent.bindNull(1);
        stayId ? insEvent.bind(2, stayId) : insEvent.bindNull(2);
        insEvent.bind(3, e->timeMs ? e->timeMs : item.receivedMs);
        insEvent.bind(4, e->type.isEmpty() ? QStringLiteral("note") : e->type).bind(5, e->text).run();
    } else if (const auto *d = std::get_if<Discharge>(&item.payload)) {
        BedState &b = bed(d->bedKey, {});
        if (b.stayOpen) {
            closeBedSeries(b, true);
            const qint64 t = d->timeMs ? d->timeMs : item.receivedMs;
            closeStay(b, t);
            insEvent.bind(1, b.id).bind(2, b.stayId).bind(3, t).bind(4, QStringLiteral("discharge"));
            insEvent.bind(5, b.patientName).run();
        }
    } else if (const auto *adm = std::get_if<Admission>(&item.payload)) {
        applyAdmission(*adm, item.receivedMs);
    }
}

void Archive::Private::applyAdmission(const Admission &a, qint64 receivedMs)
{
    BedState &b = bed(a.bedKey, {});
    const QString ident = patientIdentity(a.patient);
    const qint64 t = a.timeMs ? a.timeMs : receivedMs;
    if (b.stayOpen && (b.patientIdent.isEmpty() || b.patientIdent == ident)) {
        // Unadmitted (or this patient's) stay: it keeps its data and takes the census identity.
        updStayIdentity.bind(1, b.stayId)
            .bind(2, a.patient.id)
            .bind(3, a.patient.name)
            .bind(4, int(a.patient.profile))
            .bind(5, a.source)
            .run();
    } else {
        closeBedSeries(b, true);
        if (b.stayOpen)
            closeStay(b, t);
        openStay(b, &a.patient, a.source, t);
    }
    b.patientIdent = ident;
    b.patientName = a.patient.name;
    b.profile = a.patient.profile;
    b.census = true;
}

void Archive::Private::applyUpdate(const BedUpdate &u, qint64 receivedMs)
{
    BedState &b = bed(u.bedKey, u.bedLabel);
    qint64 t0 = std::numeric_limits<qint64>::max();
    for (const NumericSample &n : u.numerics)
        t0 = std::min(t0, n.timeMs);
    for (const WaveBlock &w : u.waves)
        t0 = std::min(t0, w.startTimeUs / 1000);
    if (t0 == std::numeric_limits<qint64>::max())
        t0 = receivedMs;

    if (u.patient && !b.census) { // a census stay keeps its patient whatever the monitor says
        const QString ident = patientIdentity(*u.patient);
        if (!ident.isEmpty()) {
            if (!b.stayOpen || b.patientIdent != ident) {
                // A different patient on the bed: what came before belongs to the previous stay.
                closeBedSeries(b, true);
                if (b.stayOpen)
                    closeStay(b, t0);
                openStay(b, &*u.patient, u.sourceId, t0);
            } else if (u.patient->name != b.patientName || u.patient->profile != b.profile) {
                updStayPatient.bind(1, b.stayId)
                    .bind(2, u.patient->name)
                    .bind(3, int(u.patient->profile))
                    .run();
                b.patientName = u.patient->name;
                b.profile = u.patient->profile;
            }
        }
    }
    if (!b.stayOpen)
        openStay(b, nullptr, u.sourceId, t0);

    const auto now = SteadyClock::now();
    for (const WaveBlock &w : u.waves)
        appendWave(b, w, now);
    for (const NumericSample &n : u.numerics)
        appendNumeric(b, n, now);
    // u.conditions are not archived here: the station records every technical condition, whichever path
    // it came by (device report, PCD-04 alarm, its own detection), as one episode from its alarm engine
    // (storeCondition), so a lead-off reported twice is still one episode.
}

void Archive::Private::openStay(BedState &b, const PatientInfo *p, const QString &source, qint64 t)
{
    insStay.bind(1, b.id);
    if (p) {
        insStay.bind(2, p->id.isEmpty() ? QString() : p->id).bind(3, p->name).bind(4, int(p->profile));
    } else {
        insStay.bindNull(2).bindNull(3).bind(4, 0);
    }
    insStay.bind(5, t).bind(6, source).run();
    b.stayId = sqlite3_last_insert_rowid(db.handle());
    b.stayOpen = true;
    b.patientIdent = p ? patientIdentity(*p) : QString();
    b.patientName = p ? p->name : QString();
    b.profile = p ? p->profile : PatientProfile::Adult;
}

void Archive::Private::closeStay(BedState &b, qint64 t)
{
    endStay.bind(1, b.stayId).bind(2, t).run();
    b.stayOpen = false;
    b.census = false;
    b.patientIdent.clear();
    b.patientName.clear();
}

void Archive::Private::appendWave(BedState &b, const WaveBlock &w, SteadyClock::time_point now)
{
    if (!(w.sampleRate > 0) || !std::isfinite(w.sampleRate) || w.samples.empty())
        return;
    const int idx = int(w.id);
    if (idx < 0 || idx >= kWaveCount)
        return;
    WaveSeries &s = b.waves[std::size_t(idx)];
    const bool sourceScale = w.gain > 0 && std::isfinite(w.gain);
    const double gain = sourceScale ? w.gain : defaultGain(w.id);
    const int baseline = sourceScale ? w.baseline : 0;
    const double period = 1e6 / w.sampleRate;
    const bool contiguous =
        s.runValid && s.rate == w.sampleRate && s.gain == gain && s.baseline == baseline &&
        s.stayId == b.stayId &&
        std::fabs(double(w.startTimeUs - s.runAnchorUs) - double(s.runCount) * period) <= 0.5 * period;
    if (!contiguous) {
        closeWave(b, w.id);
        s.runValid = true;
        s.runAnchorUs = w.startTimeUs;
        s.runCount = 0;
        s.rate = w.sampleRate;
        s.gain = gain;
        s.baseline = baseline;
        s.quant = sourceScale ? 0 : 1;
        s.stayId = b.stayId;
    }
    const std::size_t chunkSamples = std::size_t(waveChunkSamples(s.rate));
    for (float x : w.samples) {
        if (std::isnan(x)) {
            // No data: a gap, which the chunk layout expresses by ending the chunk here.
            if (!s.samples.empty())
                closeWave(b, w.id);
            ++s.runCount;
            continue;
        }
        if (s.samples.empty()) {
            s.chunkRunIndex = s.runCount;
            s.samples.reserve(chunkSamples);
        }
        s.samples.push_back(toAdu(x, gain, baseline));
        ++s.runCount;
        if (s.samples.size() >= chunkSamples)
            closeWave(b, w.id);
    }
    s.lastInput = now;
}

void Archive::Private::closeWave(BedState &b, WaveId id)
{
    WaveSeries &s = b.waves[std::size_t(id)];
    if (s.samples.empty())
        return;
    const std::vector<std::uint8_t> blob = encodeWave(s.samples, false);
    const qint64 n = qint64(s.samples.size());
    insWave.bind(1, b.id).bind(2, s.stayId).bind(3, int(id)).bind(4, s.timeOf(s.chunkRunIndex));
    insWave.bind(5, s.timeOf(s.chunkRunIndex + n)).bind(6, s.rate).bind(7, n).bind(8, s.gain);
    insWave.bind(9, s.baseline).bind(10, s.quant).bindBlob(11, blob).run();
    for (qint64 rowId : s.tailIds)
        delWaveTail.bind(1, rowId).run();
    s.tailIds.clear();
    s.samples.clear();
    s.persisted = 0;
}

void Archive::Private::appendNumeric(BedState &b, const NumericSample &n, SteadyClock::time_point now)
{
    const int idx = int(n.id);
    if (idx < 0 || idx >= kNumericCount || !std::isfinite(n.value))
        return;
    NumericSeries &s = b.numerics[std::size_t(idx)];
    const qint64 spanMs = std::min<qint64>(qint64(opt.numericChunkSeconds) * 1000, kMaxNumericChunkMs - 1);
    if (!s.offsets.empty() && (s.stayId != b.stayId || n.timeMs < s.startMs + s.offsets.back() ||
                               n.timeMs - s.startMs >= spanMs || s.offsets.size() >= 512))
        closeNumeric(b, n.id);
    if (s.offsets.empty()) {
        s.startMs = n.timeMs;
        s.stayId = b.stayId;
    }
    s.offsets.push_back(std::int32_t(n.timeMs - s.startMs));
    s.values.push_back(n.value);
    s.lastInput = now;
}

void Archive::Private::closeNumeric(BedState &b, NumericId id)
{
    NumericSeries &s = b.numerics[std::size_t(id)];
    if (s.offsets.empty())
        return;
    const std::vector<std::uint8_t> blob = encodeNumeric(s.offsets, s.values);
    insNum.bind(1, b.id).bind(2, int(id)).bind(3, s.startMs).bind(4, s.stayId);
    insNum.bind(5, s.startMs + s.offsets.back()).bind(6, qint64(s.offsets.size())).bindBlob(7, blob).run();
    for (qint64 rowId : s.tailIds)
        delNumTail.bind(1, rowId).run();
    s.tailIds.clear();
    s.offsets.clear();
    s.values.clear();
    s.persisted = 0;
}

void Archive::Private::closeBedSeries(BedState &b, bool endRuns)
{
    for (int i = 0; i < kWaveCount; ++i) {
        closeWave(b, WaveId(i));
        if (endRuns)
            b.waves[std::size_t(i)].runValid = false;
    }
    for (int i = 0; i < kNumericCount; ++i)
        closeNumeric(b, NumericId(i));
}

void Archive::Private::closeIdle(SteadyClock::time_point now)
{
    const auto limit = std::chrono::milliseconds(opt.idleCloseMs);
    for (BedState &b : beds) {
        for (int i = 0; i < kWaveCount; ++i) {
            if (!b.waves[std::size_t(i)].samples.empty() && now - b.waves[std::size_t(i)].lastInput > limit)
                closeWave(b, WaveId(i));
        }
        for (int i = 0; i < kNumericCount; ++i) {
            if (!b.numerics[std::size_t(i)].offsets.empty() &&
                now - b.numerics[std::size_t(i)].lastInput > limit)
                closeNumeric(b, NumericId(i));
        }
    }
}

bool Archive::Private::hasIdle(SteadyClock::time_point now) const
{
    const auto limit = std::chrono::milliseconds(opt.idleCloseMs);
    for (const BedState &b : beds) {
        for (const WaveSeries &s : b.waves) {
            if (!s.samples.empty() && now - s.lastInput > limit)
                return true;
        }
        for (const NumericSeries &s : b.numerics) {
            if (!s.offsets.empty() && now - s.lastInput > limit)
                return true;
        }
    }
    return false;
}

// Makes the unwritten part of every open chunk durable, as a tail segment. This is what lets a commit
// acknowledge samples long before their chunk is complete.
void Archive::Private::writeTails()
{
    for (BedState &b : beds) {
        for (int i = 0; i < kWaveCount; ++i) {
            WaveSeries &s = b.waves[std::size_t(i)];
            if (s.samples.size() <= s.persisted)
                continue;
            const std::span<const std::int32_t> part(s.samples.data() + s.persisted,
                                                     s.samples.size() - s.persisted);
            const std::vector<std::uint8_t> blob = encodeWave(part, true);
            const qint64 first = s.chunkRunIndex + qint64(s.persisted);
            auto &st = insWaveTail;
            st.bind(1, b.id).bind(2, s.stayId).bind(3, i).bind(4, s.timeOf(first));
            st.bind(5, s.timeOf(first + qint64(part.size()))).bind(6, s.rate).bind(7, qint64(part.size()));
            st.bind(8, s.gain).bind(9, s.baseline).bind(10, s.quant).bindBlob(11, blob).run();
            s.tailIds.push_back(sqlite3_last_insert_rowid(db.handle()));
            s.persisted = s.samples.size();
        }
        for (int i = 0; i < kNumericCount; ++i) {
            NumericSeries &s = b.numerics[std::size_t(i)];
            if (s.offsets.size() <= s.persisted)
                continue;
            const std::size_t k = s.persisted, count = s.offsets.size() - k;
            const qint64 start = s.startMs + s.offsets[k];
            std::vector<std::int32_t> off(count);
            for (std::size_t j = 0; j < count; ++j)
                off[j] = std::int32_t(s.startMs + s.offsets[k + j] - start);
            const std::vector<std::uint8_t> blob =
                encodeNumeric(off, std::span<const double>(s.values.data() + k, count));
            insNumTail.bind(1, b.id).bind(2, s.stayId).bind(3, i).bind(4, start).bind(5, start + off.back());
            insNumTail.bind(6, qint64(count)).bindBlob(7, blob).run();
            s.tailIds.push_back(sqlite3_last_insert_rowid(db.handle()));
            s.persisted = s.offsets.size();
        }
    }
}

} // namespace vigil::archive
