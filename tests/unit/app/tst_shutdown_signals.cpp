// SIGINT/SIGTERM reach the event loop through the self-pipe: no Qt call in the signal handler, and a
// headless (QCoreApplication-only) process sees them as an ordinary event. (QCoreApplication::quit() only
// ends a running exec(), which a test does not have: here the loop ends on received(); test_cli.sh checks
// that a headless station ends with exit code 0 and a last state file write on SIGTERM.)
#include "ShutdownSignals.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <csignal>

using namespace vigil;

class TestShutdownSignals : public QObject
{
    Q_OBJECT
private:
    // Runs an event loop, raises `sig` from inside it, and returns the loop's exit code (-1: it did not
    // end within 5 s).
    static int loopExitAfter(int sig, ShutdownSignals &shutdown)
    {
        QEventLoop loop;
        connect(&shutdown, &ShutdownSignals::received, &loop, [&loop] { loop.exit(0); });
        QTimer::singleShot(0, [sig] { ::raise(sig); });
        QTimer::singleShot(5000, &loop, [&loop] { loop.exit(-1); });
        return loop.exec();
    }

private slots:
    void sigtermQuitsTheLoopWithZero_data()
    {
        QTest::addColumn<int>("sig");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }
    void sigtermQuitsTheLoopWithZero()
    {
        QFETCH(int, sig);
        QVERIFY(qobject_cast<QCoreApplication *>(QCoreApplication::instance()));
        ShutdownSignals shutdown;
        QVERIFY(shutdown.isActive());
        QSignalSpy received(&shutdown, &ShutdownSignals::received);
        QCOMPARE(loopExitAfter(sig, shutdown), 0);
        QCOMPARE(received.count(), 1);
        QCOMPARE(received.at(0).at(0).toInt(), sig);
    }

    void previousHandlerIsRestored()
    {
        struct sigaction before = {};
        ::sigaction(SIGTERM, nullptr, &before);
        {
            ShutdownSignals shutdown;
            struct sigaction during = {};
            ::sigaction(SIGTERM, nullptr, &during);
            QVERIFY(during.sa_handler != before.sa_handler);
        }
        struct sigaction after = {};
        ::sigaction(SIGTERM, nullptr, &after);
        QCOMPARE(reinterpret_cast<void *>(after.sa_handler), reinterpret_cast<void *>(before.sa_handler));
    }

    // Several signals before the loop runs: one quit, each reported, nothing blocks.
    void burstOfSignals()
    {
        ShutdownSignals shutdown;
        QSignalSpy received(&shutdown, &ShutdownSignals::received);
        for (int i = 0; i < 1000; ++i)
            ::raise(SIGTERM);
        QEventLoop loop;
        connect(&shutdown, &ShutdownSignals::received, &loop, [&loop] { loop.exit(0); });
        QTimer::singleShot(5000, &loop, [&loop] { loop.exit(-1); });
        QCOMPARE(loop.exec(), 0);
        QVERIFY(received.count() >= 1);
        for (const QList<QVariant> &args : received)
            QCOMPARE(args.at(0).toInt(), int(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(TestShutdownSignals)
#include "tst_shutdown_signals.moc"
