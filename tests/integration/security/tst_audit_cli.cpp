// `vigil audit verify|export` on the real binary (issue 12, part 4): exit 0 only for an intact chain; an
// edit, a delete and a swap made with the sqlite3 tool each fail naming the record; --archive takes the
// archive (the audit beside it) or the audit file; export writes CSV and JSON for a period.
#include "AuditLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil::security;

namespace {

struct Run
{
    int code = -1;
    QString out, err;
};

Run runVigil(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(VIGIL_BIN), args);
    Run r;
    if (!p.waitForFinished(30000))
        return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void sqlite(const QString &path, const QString &sql)
{
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {path, sql});
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 0);
}

void makeAudit(const QString &path, int n)
{
    QFile::remove(path);
    AuditStore s;
    QString error;
    QVERIFY2(s.open(path, &error), qPrintable(error));
    for (int i = 1; i <= n; ++i) {
        AuditRecord r;
        r.timeMs = 1'700'000'000'000 + qint64(i) * 60'000;
        r.station = QStringLiteral("central");
        r.user = QStringLiteral("nina");
        r.role = QStringLiteral("nurse");
        r.action = QStringLiteral("acknowledge");
        r.target = QStringLiteral("bed-%1").arg(i);
        QVERIFY(s.append(r, &error));
    }
}

} // namespace

class TestAuditCli : public QObject
{
    Q_OBJECT
private slots:
    void verifyIntactAndBroken_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("record");
        QTest::newRow("intact") << QString() << 0;
        QTest::newRow("edit") << "UPDATE audit_log SET user='mallory' WHERE seq=7" << 7;
        QTest::newRow("delete") << "DELETE FROM audit_log WHERE seq=12" << 12;
        QTest::newRow("swap")
            << "UPDATE audit_log SET seq=-1 WHERE seq=4; UPDATE audit_log SET seq=4 WHERE seq=5;"
               "UPDATE audit_log SET seq=5 WHERE seq=-1"
            << 4;
    }
    void verifyIntactAndBroken()
    {
        QFETCH(QString, sql);
        QFETCH(int, record);
        QTemporaryDir dir;
        // The station keeps the audit beside its archive: --archive names the archive.
        const QString archive = dir.filePath(QStringLiteral("archive.sqlite"));
        const QString audit = dir.filePath(QStringLiteral("audit.sqlite"));
        makeAudit(audit, 20);
        if (!sql.isEmpty())
            sqlite(audit, sql);
        const Run r = runVigil(
            {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--archive"), archive});
        if (record == 0) {
            QCOMPARE(r.code, 0);
            QVERIFY2(r.out.contains(QLatin1String("intact: 20 records")), qPrintable(r.out));
        } else {
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(QStringLiteral("BROKEN at record %1:").arg(record)), qPrintable(r.err));
        }
        // The audit file itself works as --archive too.
        QCOMPARE(
            runVigil({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--archive"), audit})
                .code,
            record == 0 ? 0 : 1);
    }

    void exportPeriod()
    {
        QTemporaryDir dir;
        const QString audit = dir.filePath(QStringLiteral("audit.sqlite"));
        makeAudit(audit, 10);
        // Records 3..5: minutes 3, 4, 5 after t0.
        const Run csv =
            runVigil({QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--archive"), audit,
                      QStringLiteral("--from"), QStringLiteral("1700000180000"), QStringLiteral("--to"),
                      QStringLiteral("1700000360000")});
        QCOMPARE(csv.code, 0);
        const QStringList lines = csv.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines[1].startsWith(
            QLatin1String("3,2023-11-14T22:16:20.000Z,central,nina,nurse,acknowledge,bed-3,")));
        const QString out = dir.filePath(QStringLiteral("audit.json"));
        const Run json =
            runVigil({QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--archive"), audit,
                      QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), out});
        QCOMPARE(json.code, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        // The first export was recorded after it ran (record 11, by the shell user): the trail still
        // verifies.
        const QJsonArray all = QJsonDocument::fromJson(f.readAll()).array();
        QCOMPARE(all.size(), 11);
        QCOMPARE(all[10].toObject()[QStringLiteral("action")].toString(), QStringLiteral("audit_export"));
        QCOMPARE(all[10].toObject()[QStringLiteral("role")].toString(), QStringLiteral("shell"));
        QCOMPARE(
            runVigil({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--archive"), audit})
                .code,
            0);
    }

    // `vigil archive` use is recorded in the audit trail beside the archive (issue 12: archive tool use).
    void archiveToolUseAudited()
    {
        QTemporaryDir dir;
        const QString archive = dir.filePath(QStringLiteral("archive.sqlite"));
        const QString audit = dir.filePath(QStringLiteral("audit.sqlite"));
        makeAudit(audit, 3);
        const Run r = runVigil(
            {QStringLiteral("archive"), QStringLiteral("stats"), QStringLiteral("--archive"), archive});
        Q_UNUSED(r); // the archive does not exist: the tool fails, and its use is still recorded
        const Run json =
            runVigil({QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--archive"), archive,
                      QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.code, 0);
        const QJsonArray all = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(all.size(), 4);
        const QJsonObject rec = all[3].toObject();
        QCOMPARE(rec[QStringLiteral("action")].toString(), QStringLiteral("archive_tool"));
        QVERIFY2(rec[QStringLiteral("details")].toString().startsWith(QLatin1String("vigil archive stats")),
                 qPrintable(rec[QStringLiteral("details")].toString()));
        QCOMPARE(
            runVigil({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--archive"), audit})
                .code,
            0);
    }

    // Issue 12 parts 5 and 6 on the real station: a world-readable private key named in the station file
    // stops the start with a message that says how to fix it; a certificate that expires within
    // cert_warn_days is a low-priority technical condition in the state file; a provisioning file creates
    // the first user and is deleted; the state file names the session, never a secret.
    void stationStartChecks()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("k.pem")),
                      cert = dir.filePath(QStringLiteral("c.pem"));
        QProcess ossl;
        ossl.start(QStringLiteral("openssl"),
                   {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                    QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("5"),
                    QStringLiteral("-subj"), QStringLiteral("/CN=station")});
        QVERIFY(ossl.waitForFinished(60000) && ossl.exitCode() == 0);
        QFile def(QStringLiteral(VIGIL_SOURCE_DIR "/resources/station.default.toml"));
        QVERIFY(def.open(QIODevice::ReadOnly));
        const QString config = dir.filePath(QStringLiteral("station.toml"));
        {
            QFile f(config);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(def.readAll());
            f.write(QStringLiteral(
                        "\n[security]\nusers_file = \"%1/users.sqlite\"\naudit_file = \"%1/audit.sqlite\"\n"
                        "provisioning_file = \"%1/provision.conf\"\n\n[dicom]\ntls_cert = \"%2\"\n"
                        "tls_key = \"%3\"\n")
                        .arg(dir.path(), cert, key)
                        .toUtf8());
        }
        {
            QFile p(dir.filePath(QStringLiteral("provision.conf")));
            QVERIFY(p.open(QIODevice::WriteOnly));
            p.write("name = nina\npassword = Secret-Pa55\nrole = nurse\n");
        }
        QFile::setPermissions(key,
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        const QStringList common{QStringLiteral("--config"),     config,
                                 QStringLiteral("--no-archive"), QStringLiteral("--headless"),
                                 QStringLiteral("--quit-after"), QStringLiteral("3")};
        Run r = runVigil(common);
        QVERIFY2(r.code != 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("readable by every account")) &&
                     r.err.contains(QLatin1String("chmod 600")),
                 qPrintable(r.err));
        QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner);
        const QString state = dir.filePath(QStringLiteral("state.json"));
        r = runVigil(common + QStringList{QStringLiteral("--state-file"), state});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("provision.conf"))));
        QFile sf(state);
        QVERIFY(sf.open(QIODevice::ReadOnly));
        const QByteArray text = sf.readAll();
        QVERIFY(!text.contains("Secret-Pa55"));
        const QJsonObject snap = QJsonDocument::fromJson(text).object();
        QCOMPARE(snap[QStringLiteral("session")].toObject()[QStringLiteral("enforcing")].toBool(), true);
        bool certCondition = false;
        for (const QJsonValue &a :
             snap[QStringLiteral("alarms")].toObject()[QStringLiteral("conditions")].toArray()) {
            const QJsonObject o = a.toObject();
            if (o[QStringLiteral("code")].toString() == QLatin1String("cert_expiring")) {
                certCondition = true;
                QCOMPARE(o[QStringLiteral("priority")].toString(), QStringLiteral("low"));
                QCOMPARE(o[QStringLiteral("kind")].toString(), QStringLiteral("technical"));
            }
        }
        QVERIFY2(certCondition, text.left(2000).constData());
        // The start and the provisioned user are in an intact chain.
        const Run v = runVigil({QStringLiteral("audit"), QStringLiteral("verify"),
                                QStringLiteral("--archive"), dir.filePath(QStringLiteral("audit.sqlite"))});
        QCOMPARE(v.code, 0);
    }

    void badArguments()
    {
        QCOMPARE(runVigil({QStringLiteral("audit")}).code, 2);
        QCOMPARE(runVigil({QStringLiteral("audit"), QStringLiteral("frobnicate")}).code, 2);
        QTemporaryDir dir;
        const Run r = runVigil({QStringLiteral("audit"), QStringLiteral("verify"),
                                QStringLiteral("--archive"), dir.filePath(QStringLiteral("nothing.sqlite"))});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("no audit trail")));
    }
};

QTEST_GUILESS_MAIN(TestAuditCli)
#include "tst_audit_cli.moc"
