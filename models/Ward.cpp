#include "Ward.h"

#include <QDateTime>

namespace vigil {

QStringList Bed::waveKeys() const
{
    QStringList keys;
    for (const WaveInfo &w : kWaves) {
        if (channel(w.id))
            keys << QString::fromUtf8(w.key.data(), static_cast<qsizetype>(w.key.size()));
    }
    return keys;
}

Ward::Ward(std::vector<BedConfig> configuredBeds, int maxDynamicBeds)
    : m_fixed(!configuredBeds.empty()), m_maxBeds(std::clamp(maxDynamicBeds, 1, kMaxBeds)),
      m_pending(kMaxBeds)
{
    for (auto &cfg : configuredBeds) {
        if (m_created.load() >= kMaxBeds || m_index.contains(cfg.key))
            continue;
        const int i = m_created.load();
        m_beds[i] = std::make_unique<Bed>(i, cfg.key, cfg.label.isEmpty() ? cfg.key : cfg.label);
        m_beds[i]->profile = cfg.profile;
        m_index.insert(cfg.key, i);
        m_created.store(i + 1);
    }
    m_published.store(m_created.load());
}

Ward::~Ward() = default;

int Ward::indexOf(const QString &key) const
{
    std::lock_guard lock(m_indexMutex);
    return m_index.value(key, -1);
}

Bed *Ward::findOrCreate(const QString &key, const QString &label)
{
    std::lock_guard lock(m_indexMutex);
    if (auto it = m_index.constFind(key); it != m_index.constEnd())
        return m_beds[*it].get();
    const int i = m_created.load(std::memory_order_relaxed);
    if (m_fixed || i >= m_maxBeds)
        return nullptr;
    m_beds[i] = std::make_unique<Bed>(i, key, label.isEmpty() ? key : label);
    m_index.insert(key, i);
    m_created.store(i + 1, std::memory_order_release);
    return m_beds[i].get();
}

void Ward::deliver(BedUpdate &&update)
{
    Bed *bed = findOrCreate(update.bedKey, update.bedLabel);
    if (!bed) {
        // Acknowledged by the source, counted here, never shown on some other bed.
        m_unknownBedMessages.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const WaveBlock &block : update.waves)
        writeWave(*bed, block, now);
    if (!update.waves.empty() || !update.numerics.empty())
        bed->m_lastDataMs.store(now, std::memory_order_relaxed);

    std::lock_guard lock(m_pendingMutex);
    Pending &p = m_pending[bed->index()];
    p.touched = true;
    p.sourceId = update.sourceId;
    if (update.patient)
        p.patient = std::move(update.patient);
    for (const NumericSample &n : update.numerics)
        p.numerics[static_cast<int>(n.id)] = n;
    for (auto &c : update.conditions)
        p.conditionChanges.push_back(std::move(c));
    // Gateway alarms go to the alarm engine (through drain()), which decides what signals.
    const bool urgent = !update.alarms.empty();
    for (GatewayAlarm &a : update.alarms)
        p.alarms.push_back(std::move(a));
    if (urgent && m_urgent && !m_urgentPending.exchange(true))
        m_urgent();
}

void Ward::writeWave(Bed &bed, const WaveBlock &block, qint64 nowMs)
{
    if (block.sampleRate <= 0 || block.samples.empty())
        return;
    const int slot = static_cast<int>(block.id);
    WaveformChannel *ch = bed.m_channels[slot].load(std::memory_order_acquire);
    if (!ch || ch->sampleRate() != block.sampleRate) {
        std::lock_guard lock(bed.m_channelMutex);
        ch = bed.m_channels[slot].load(std::memory_order_acquire);
        if (!ch || ch->sampleRate() != block.sampleRate) {
            auto fresh = std::make_unique<WaveformChannel>(block.id, block.sampleRate);
            ch = fresh.get();
            {
                std::lock_guard retired(m_retiredMutex);
                m_allChannels.push_back(std::move(fresh));
            }
            bed.m_channels[slot].store(ch, std::memory_order_release);
        }
    }
    std::span<const float> samples(block.samples);
    const double periodUs = 1e6 / block.sampleRate;
    if (ch->nextExpectedUs != 0 && block.startTimeUs != 0) {
        const double deltaSamples = (block.startTimeUs - ch->nextExpectedUs) / periodUs;
        if (deltaSamples > 1.5) {
            // Missing time: keep the time axis true by leaving a visible gap.
            ch->gaps.fetch_add(1, std::memory_order_relaxed);
            ch->ring.appendGap(static_cast<std::size_t>(std::llround(deltaSamples)));
        } else if (deltaSamples < -1.5) {
            // Overlap: samples for time already shown. Drop the overlapping part rather than shifting the
            // trace (which would misplace every later beat).
            ch->overlaps.fetch_add(1, std::memory_order_relaxed);
            const auto drop = std::min<std::size_t>(samples.size(), std::llround(-deltaSamples));
            ch->droppedSamples.fetch_add(drop, std::memory_order_relaxed);
            samples = samples.subspan(drop);
        }
    }
    ch->ring.append(samples);
    ch->samplesReceived.fetch_add(samples.size(), std::memory_order_relaxed);
    if (block.startTimeUs != 0)
        ch->nextExpectedUs =
            block.startTimeUs + static_cast<qint64>(std::llround(block.samples.size() * periodUs));
    ch->gain = block.gain;
    ch->baseline = block.baseline;
    ch->lastWriteWallMs.store(nowMs, std::memory_order_relaxed);
}

void Ward::sourceStatusChanged(const SourceStatus &status)
{
    std::lock_guard lock(m_pendingMutex);
    for (auto &s : m_pendingSources) {
        if (s.id == status.id) {
            s = status;
            return;
        }
    }
    m_pendingSources.push_back(status);
}

DrainResult Ward::drain(qint64 nowMs)
{
    m_urgentPending.store(false);
    DrainResult result;
    const int created = m_created.load(std::memory_order_acquire);
    const int before = m_published.load(std::memory_order_relaxed);
    if (created > before) {
        result.firstNewBed = before;
        m_published.store(created, std::memory_order_release);
    }

    std::vector<Pending> pending;
    {
        std::lock_guard lock(m_pendingMutex);
        pending.resize(created);
        for (int i = 0; i < created; ++i) {
            if (m_pending[i].touched) {
                pending[i] = std::move(m_pending[i]);
                m_pending[i] = Pending{};
            }
        }
        result.sources.swap(m_pendingSources);
    }

    for (int i = 0; i < created; ++i) {
        Bed &bed = *m_beds[i];
        bool changed = i >= before;
        Pending &p = pending[i];
        if (p.touched) {
            changed = true;
            DrainResult::BedInput input{i, {}, std::move(p.alarms), !p.conditionChanges.empty()};
            for (int n = 0; n < kNumericCount; ++n) {
                if (p.numerics[n])
                    input.numerics.push_back(*p.numerics[n]);
            }
            if (!input.numerics.empty() || !input.alarms.empty() || input.conditionsChanged)
                result.inputs.push_back(std::move(input));
            if (!p.sourceId.isEmpty())
                bed.sourceId = p.sourceId;
            if (p.patient && *p.patient != bed.patient) {
                if (p.patient->id != bed.patient.id) {
                    // A new patient id on the bed is a new stay: nothing of the previous patient's
                    // values may be shown under the new name.
                    ++bed.stay;
                    bed.numerics = {};
                    bed.conditions.clear();
                }
                bed.patient = *p.patient;
            }
            for (int n = 0; n < kNumericCount; ++n) {
                if (p.numerics[n]) {
                    auto &st = bed.numerics[n];
                    st.value = p.numerics[n]->value;
                    st.timeMs = p.numerics[n]->timeMs;
                    st.receivedMs = nowMs;
                }
            }
            for (auto &c : p.conditionChanges) {
                auto it = std::find_if(bed.conditions.begin(), bed.conditions.end(),
                                       [&](const DeviceCondition &d) { return d.code == c.code; });
                if (c.active && it == bed.conditions.end())
                    bed.conditions.push_back(c);
                else if (c.active)
                    *it = c;
                else if (it != bed.conditions.end())
                    bed.conditions.erase(it);
            }
        }
        for (int n = 0; n < kNumericCount; ++n) {
            auto &st = bed.numerics[n];
            // Stale when not refreshed in time, and also when the measurement itself is older than its
            // period (a gateway replaying old data, or a device clock far behind): a minute of allowance
            // covers ordinary clock skew between device and station.
            const double periodMs = kNumerics[n].stalePeriodS * 1000.0;
            const bool stale = !st.hasValue() || (nowMs - st.receivedMs) > periodMs ||
                               (st.timeMs > 0 && (nowMs - st.timeMs) > periodMs + kClockSkewAllowanceMs);
            if (stale != st.stale) {
                st.stale = stale;
                changed = true;
            }
        }
        quint64 gaps = 0;
        for (const WaveInfo &w : kWaves) {
            if (const WaveformChannel *ch = bed.channel(w.id))
                gaps += ch->gaps.load(std::memory_order_relaxed);
        }
        if (gaps != bed.gapsSeen) {
            bed.gapsSeen = gaps;
            bed.lastGapMs = nowMs;
        }
        const qint64 last = bed.lastDataMs();
        const bool noData = last == 0 || nowMs - last > m_noDataTimeoutMs;
        if (noData != bed.noData) {
            bed.noData = noData;
            changed = true;
        }
        if (changed)
            result.changedBeds.push_back(i);
    }
    return result;
}

quint64 Ward::samplesReceived(int bedIndex, WaveId id) const
{
    const Bed *b = bed(bedIndex);
    const WaveformChannel *ch = b ? b->channel(id) : nullptr;
    return ch ? ch->samplesReceived.load(std::memory_order_relaxed) : 0;
}

} // namespace vigil
