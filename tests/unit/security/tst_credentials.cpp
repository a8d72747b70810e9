// Argon2id against the Debian `argon2` tool, TOTP against the RFC 6238 vectors and `oathtool`, base32,
// and the private-key mode check (issue 12, parts 2 and 5).
#include "Credentials.h"
#include "FilePermissions.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <time.h>

using namespace vigil::security;

namespace {

QString run(const QString &program, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(5000))
        return {};
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

} // namespace

class TestCredentials : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        for (const char *tool : {"argon2", "oathtool"})
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                QFAIL(
                    qPrintable(QStringLiteral("%1 is needed (Debian packages argon2, oathtool)").arg(tool)));
    }

    // The same password, salt and parameters give the same PHC string as `argon2 SALT -id -t -m -p -l -e`.
    void argon2MatchesTool_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<int>("t");
        QTest::addColumn<int>("log2m");
        QTest::addColumn<int>("p");
        QTest::newRow("station defaults")
            << QByteArray("correct horse battery") << QByteArray("saltsaltsaltsalt") << 3 << 15 << 1;
        QTest::newRow("small, 2 lanes")
            << QByteArray("1234") << QByteArray("another-salt-16b") << 2 << 12 << 2;
        QTest::newRow("utf-8") << QByteArray("pässwörd ✓") << QByteArray("0123456789abcdef") << 1 << 10 << 1;
    }
    void argon2MatchesTool()
    {
        QFETCH(QByteArray, password);
        QFETCH(QByteArray, salt);
        QFETCH(int, t);
        QFETCH(int, log2m);
        QFETCH(int, p);
        Argon2Params params;
        params.timeCost = std::uint32_t(t);
        params.memoryKiB = 1u << log2m;
        params.lanes = std::uint32_t(p);
        const QByteArray ours = hashPassword(password, params, salt);
        QVERIFY(ours.startsWith("$argon2id$v=19$"));
        const QString tool =
            run(QStringLiteral("argon2"),
                {QString::fromLatin1(salt), QStringLiteral("-id"), QStringLiteral("-t"), QString::number(t),
                 QStringLiteral("-m"), QString::number(log2m), QStringLiteral("-p"), QString::number(p),
                 QStringLiteral("-l"), QStringLiteral("32"), QStringLiteral("-e")},
                password);
        QCOMPARE(QString::fromLatin1(ours), tool);
        QVERIFY(verifyPassword(ours, password));
        QVERIFY(!verifyPassword(ours, password + "x"));
        QVERIFY(verifyPassword(tool.toLatin1(), password));
    }

    void argon2SaltsDiffer()
    {
        Argon2Params cheap;
        cheap.memoryKiB = 1024;
        cheap.timeCost = 1;
        const QByteArray a = hashPassword("same", cheap), b = hashPassword("same", cheap);
        QVERIFY(a != b);
        QVERIFY(verifyPassword(a, "same") && verifyPassword(b, "same"));
        QVERIFY(!verifyPassword("plaintext", "plaintext"));
    }

    // One check with the station's parameters costs 100-300 ms of CPU here (issue 12); printed for the
    // record. CPU time of this thread, so a loaded machine does not change the figure much.
    void argon2DefaultCost()
    {
        const QByteArray h = hashPassword("a password");
        QVERIFY(h.startsWith("$argon2id$v=19$m=32768,t=3,p=1$"));
        timespec a{}, b{};
        QElapsedTimer t;
        t.start();
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
        QVERIFY(verifyPassword(h, "a password"));
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
        const qint64 wall = t.elapsed();
        const double cpuMs = double(b.tv_sec - a.tv_sec) * 1e3 + double(b.tv_nsec - a.tv_nsec) / 1e6;
        qInfo("Argon2id check with the default parameters: %.0f ms CPU, %lld ms wall", cpuMs, wall);
        QVERIFY2(cpuMs >= 50 && cpuMs < 600,
                 qPrintable(QString::number(cpuMs))); // 100-300 wanted, loose bounds
    }

    // RFC 6238 appendix B, SHA-1, 8 digits, key "12345678901234567890".
    void rfc6238Vectors_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QString>("code");
        QTest::newRow("59") << qint64(59) << "94287082";
        QTest::newRow("1111111109") << qint64(1111111109) << "07081804";
        QTest::newRow("1111111111") << qint64(1111111111) << "14050471";
        QTest::newRow("1234567890") << qint64(1234567890) << "89005924";
        QTest::newRow("2000000000") << qint64(2000000000) << "69279037";
        QTest::newRow("20000000000") << qint64(20000000000) << "65353130";
    }
    void rfc6238Vectors()
    {
        QFETCH(qint64, time);
        QFETCH(QString, code);
        const QByteArray key("12345678901234567890");
        QCOMPARE(totp(key, time, 8), code);
        QVERIFY(verifyTotp(key, code, time, 1, -1, 8).has_value());
    }

    void base32RoundTrip()
    {
        QCOMPARE(base32Encode("12345678901234567890"), QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        QCOMPARE(base32Encode("f"), QStringLiteral("MY"));
        QCOMPARE(base32Encode("foobar"), QStringLiteral("MZXW6YTBOI"));
        for (int n = 0; n < 40; ++n) {
            const QByteArray b = randomBytes(n);
            QCOMPARE(base32Decode(base32Encode(b)).value_or("?"), b);
        }
        QCOMPARE(base32Decode(QStringLiteral("mzxw 6ytb oi==")).value_or("?"), QByteArray("foobar"));
        QVERIFY(!base32Decode(QStringLiteral("MZ1")).has_value());
    }

    // A random secret: our codes equal oathtool's at several times, and the skew window is +-1 step.
    void oathtoolCodesWithSkew()
    {
        const QByteArray key = randomBytes(20);
        const QString b32 = base32Encode(key);
        const qint64 now = 1'765'000'000; // a fixed time, so the test does not race a step boundary
        for (const qint64 t : {now, now + 30, now - 30, now + 12345}) {
            const QString when = QDateTime::fromSecsSinceEpoch(t, Qt::UTC)
                                     .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
            const QString tool =
                run(QStringLiteral("oathtool"),
                    {QStringLiteral("--totp"), QStringLiteral("-b"), QStringLiteral("--now"), when, b32});
            QCOMPARE(totp(key, t), tool);
        }
        const QString toolNow = run(QStringLiteral("oathtool"),
                                    {QStringLiteral("--totp"), QStringLiteral("-b"), QStringLiteral("--now"),
                                     QDateTime::fromSecsSinceEpoch(now, Qt::UTC)
                                         .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")),
                                     b32});
        // Accepted one step early or late (clock skew), refused two steps away.
        QVERIFY(verifyTotp(key, toolNow, now + 30, 1).has_value());
        QVERIFY(verifyTotp(key, toolNow, now - 30, 1).has_value());
        QVERIFY(!verifyTotp(key, toolNow, now + 75, 1).has_value());
        QVERIFY(!verifyTotp(key, toolNow, now - 65, 1).has_value());
        // Replay: a code is used once.
        const auto step = verifyTotp(key, toolNow, now, 1);
        QVERIFY(step.has_value());
        QVERIFY(!verifyTotp(key, toolNow, now, 1, *step).has_value());
        QVERIFY(!verifyTotp(key, QStringLiteral("12345"), now, 1).has_value());
    }

    void otpauthUriForQr()
    {
        const QString uri =
            otpauthUri(QStringLiteral("Vigil"), QStringLiteral("ann"), "12345678901234567890");
        QCOMPARE(uri,
                 QStringLiteral("otpauth://totp/Vigil%3Aann?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer="
                                "Vigil&algorithm=SHA1&digits=6&period=30"));
    }

    void worldReadableKeyRefused()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("station.key"));
        QVERIFY(createPrivateFile(key, nullptr));
        QString error;
        QVERIFY2(checkPrivateKey(key, &error), qPrintable(error));
        QCOMPARE(::chmod(QFile::encodeName(key).constData(), 0644), 0);
        QVERIFY(isWorldReadable(key));
        QVERIFY(!checkPrivateKey(key, &error));
        QVERIFY2(error.contains(QLatin1String("readable by every account")) &&
                     error.contains(QLatin1String("chmod 600")),
                 qPrintable(error));
        QVERIFY(makePrivate(key, &error));
        QVERIFY(checkPrivateKey(key, &error));
        QVERIFY(!checkPrivateKey(dir.filePath(QStringLiteral("missing.key")), &error));
    }
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
