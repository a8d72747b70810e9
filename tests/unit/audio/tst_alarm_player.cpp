// AlarmSoundPlayer on whatever this machine has: with an audio device it plays and switches patterns;
// without one (headless CI) it reports "no audio output" exactly once and keeps accepting patterns.
#include "AlarmSoundPlayer.h"

#include <QSignalSpy>
#include <QTest>

using namespace vigil::audio;

class TestAlarmPlayer : public QObject
{
    Q_OBJECT
private slots:
    void survivesAnyAudioSetup()
    {
        AlarmSoundPlayer player;
        QSignalSpy unavailable(&player, &AlarmSoundPlayer::outputUnavailable);
        QCOMPARE(player.pattern(), BurstPattern::None);
        const BurstPattern sequence[] = {BurstPattern::High,          BurstPattern::Medium,
                                         BurstPattern::HighEscalated, BurstPattern::Low,
                                         BurstPattern::None,          BurstPattern::High};
        for (BurstPattern p : sequence) {
            player.setPattern(p, 1);
            QCOMPARE(player.pattern(), p);
            QTest::qWait(20);
        }
        player.setPattern(BurstPattern::Low, 2); // a new LOW condition: plays once more
        QTest::qWait(50);
        player.setPattern(BurstPattern::None);
        if (player.outputAvailable()) {
            QCOMPARE(unavailable.count(), 0);
        } else {
            QCOMPARE(unavailable.count(), 1); // once, not once per pattern change
            QVERIFY(!player.lastError().isEmpty());
            qInfo("no audio output here: %s", qPrintable(player.lastError()));
        }
    }
};

QTEST_GUILESS_MAIN(TestAlarmPlayer)
#include "tst_alarm_player.moc"
