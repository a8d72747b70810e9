// Retention: deletes what is older than the configured waveform and numeric retention, in bounded steps
// so catching up never holds the writer for long.
#include "ArchivePrivate.h"

#include <algorithm>
#include <utility>

namespace vigil::archive {

using namespace writer;

int Archive::Private::purgeStep()
{
    double waveH, numD;
    {
        std::lock_guard g(mutex);
        waveH = waveRetentionHours;
        numD = numericRetentionDays;
    }
    const qint64 now = nowMs();
    const qint64 waveCutUs = (now - qint64(waveH * 3'600'000.0)) * 1000;
    const qint64 numCutMs = now - qint64(numD * 86'400'000.0);
    int budget = std::max(1, opt.purgeStepRows);
    int deleted = 0;
    sqlite3 *h = db.handle();
    auto take = [&](sql::Stmt &st) {
        st.run();
        const int k = sqlite3_changes(h);
        deleted += k;
        budget -= k;
    };
    sql::Stmt waves(h, "DELETE FROM wave_chunk WHERE id IN (SELECT id FROM wave_chunk WHERE bed_id = ?1 AND "
                       "channel = ?2 AND start_us < ?3 AND end_us <= ?3 ORDER BY start_us LIMIT ?4)");
    sql::Stmt nums(
        h, "DELETE FROM numeric_chunk WHERE bed_id = ?1 AND nid = ?2 AND start_ms IN (SELECT start_ms "
           "FROM numeric_chunk WHERE bed_id = ?1 AND nid = ?2 AND start_ms < ?3 AND end_ms < ?3 "
           "ORDER BY start_ms LIMIT ?4)");
    for (const BedState &b : std::as_const(beds)) {
        for (int c = 0; c < kWaveCount && budget > 0; ++c) {
            waves.bind(1, b.id).bind(2, c).bind(3, waveCutUs).bind(4, budget);
            take(waves);
        }
        for (int c = 0; c < kNumericCount && budget > 0; ++c) {
            nums.bind(1, b.id).bind(2, c).bind(3, numCutMs).bind(4, budget);
            take(nums);
        }
        if (budget <= 0)
            break;
    }
    if (budget > 0) {
        sql::Stmt alarms(h, "DELETE FROM alarm_event WHERE id IN (SELECT id FROM alarm_event WHERE t_ms < ?1 "
                            "ORDER BY t_ms LIMIT ?2)");
        alarms.bind(1, numCutMs).bind(2, budget);
        take(alarms);
    }
    if (budget > 0) {
        sql::Stmt events(h,
                         "DELETE FROM event WHERE id IN (SELECT id FROM event WHERE t_ms < ?1 ORDER BY t_ms "
                         "LIMIT ?2)");
        events.bind(1, numCutMs).bind(2, budget);
        take(events);
    }
    if (budget > 0) {
        sql::Stmt stays(h, "DELETE FROM stay WHERE id IN (SELECT id FROM stay WHERE end_ms IS NOT NULL AND "
                           "end_ms < ?1 LIMIT ?2)");
        stays.bind(1, numCutMs).bind(2, budget);
        take(stays);
    }
    std::lock_guard g(mutex);
    ++healthState.purgeSteps;
    healthState.purgedRows += quint64(deleted);
    healthState.largestPurgeStep = std::max(healthState.largestPurgeStep, deleted);
    return deleted;
}

} // namespace vigil::archive
