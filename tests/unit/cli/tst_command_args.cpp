// The shared subcommand argument reader: what `vigil archive|dicom|report` accept and refuse.
#include "CommandArgs.h"

#include <QTest>

using namespace vigil::cli;

class TstCommandArgs : public QObject
{
    Q_OBJECT

    static CommandSpec spec(bool positional)
    {
        return CommandSpec{QStringLiteral("tool"),
                           {QStringLiteral("--bed"), QStringLiteral("--from")},
                           {QStringLiteral("--print")},
                           {QStringLiteral("--quick")},
                           positional};
    }

private slots:
    void valuesFlagsAndCommand()
    {
        const auto p = parseCommand(
            {"tool", "export", "--bed", "3", "--from=2024-03-01T12:00:00Z", "--quick"}, spec(false));
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.command, QStringLiteral("export"));
        QCOMPARE(p.value("--bed"), QStringLiteral("3"));
        QCOMPARE(p.value("--from"), QStringLiteral("2024-03-01T12:00:00Z"));
        QVERIFY(p.has("--quick"));
        QVERIFY(!p.has("--print"));
        QVERIFY(!p.wantsHelp());
    }

    void optionalValue()
    {
        auto p = parseCommand({"ward", "--print", "--quick"}, spec(false));
        QVERIFY(p.error.isEmpty());
        QVERIFY(p.has("--print"));
        QCOMPARE(p.value("--print"), QString());
        p = parseCommand({"ward", "--print", "Ward3_Laser"}, spec(false));
        QVERIFY(p.error.isEmpty());
        QCOMPARE(p.value("--print"), QStringLiteral("Ward3_Laser"));
    }

    void errorsAreNamed()
    {
        QCOMPARE(parseCommand({"export", "--bed"}, spec(false)).error, QStringLiteral("--bed needs a value"));
        QCOMPARE(parseCommand({"export", "--nope"}, spec(false)).error,
                 QStringLiteral("unknown option --nope"));
        QCOMPARE(parseCommand({"export", "extra"}, spec(false)).error,
                 QStringLiteral("unexpected argument 'extra'"));
        QCOMPARE(parseCommand({"export", "--quick=1"}, spec(false)).error,
                 QStringLiteral("--quick takes no value"));
    }

    void positionalWhenAllowed()
    {
        const auto p = parseCommand({"send", "a.dcm", "b.dcm", "--bed", "1"}, spec(true));
        QVERIFY(p.error.isEmpty());
        QCOMPARE(p.command, QStringLiteral("send"));
        QCOMPARE(p.positional, QStringList({"a.dcm", "b.dcm"}));
    }

    void help()
    {
        QVERIFY(parseCommand({"-h"}, spec(false)).wantsHelp());
        QVERIFY(parseCommand({"help"}, spec(false)).wantsHelp());
        QVERIFY(parseCommand({"verify", "--help"}, spec(false)).wantsHelp());
    }

    void times()
    {
        qint64 ms = 0;
        QVERIFY(parseTimeMs(QStringLiteral("1709294400000"), &ms));
        QCOMPARE(ms, Q_INT64_C(1709294400000));
        QVERIFY(parseTimeMs(QStringLiteral("2024-03-01T12:00:00Z"), &ms));
        QCOMPARE(ms, Q_INT64_C(1709294400000));
        QVERIFY(parseTimeMs(QStringLiteral("2024-03-01T13:00:00+01:00"), &ms));
        QCOMPARE(ms, Q_INT64_C(1709294400000));
        QVERIFY(!parseTimeMs(QStringLiteral("yesterday"), &ms));
        QVERIFY(!parseTimeMs(QStringLiteral("2024-13-01"), &ms));
    }
};

QTEST_APPLESS_MAIN(TstCommandArgs)
#include "tst_command_args.moc"
