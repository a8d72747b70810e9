// Alarm texts in the ward's language on screen, English everywhere else: the station switched to German
// shows "HR hoch" in the alarm list (the model QML binds to) while the domain value, the audit and the
// PCD-04 report the alert manager receives over MLLP keep "HR high". Also: the template table translates
// station-made texts only (a gateway's own words stay as sent), and switching back shows English again.
#include "AlarmListModel.h"
#include "AlarmSim.h"
#include "AlarmText.h"
#include "AlertManagerLink.h"
#include "AlertManagerWiring.h"
#include "Mllp.h"
#include "UiSettings.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace vigil;
using namespace vigil::alarms;
using namespace vigil::alarms::test;

namespace {
const QString A = QStringLiteral("ICU^1^A");

QString textOf(const AlarmListModel &m, const QString &code, int role = AlarmListModel::TextRole)
{
    for (int i = 0; i < m.rowCount(); ++i)
        if (m.data(m.index(i), AlarmListModel::CodeRole).toString() == code)
            return m.data(m.index(i), role).toString();
    return {};
}

// The first PCD-04 report the alert manager receives (raw HL7, MLLP frame removed).
QString reportReceived(const AlertRequest &request)
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return QStringLiteral("listen failed");
    hl7::MllpFramer framer;
    QString received;
    QObject::connect(&server, &QTcpServer::pendingConnectionAvailable, [&] {
        while (QTcpSocket *s = server.nextPendingConnection())
            QObject::connect(s, &QTcpSocket::readyRead, [&, s] {
                const QByteArray b = s->readAll();
                framer.feed(std::string_view(b.constData(), static_cast<std::size_t>(b.size())));
                if (auto f = framer.next(); f && received.isEmpty())
                    received = QString::fromUtf8(f->data(), static_cast<qsizetype>(f->size()));
            });
    });
    GatewayLinkSettings settings;
    settings.url = MllpUrl{false, QStringLiteral("127.0.0.1"), server.serverPort()};
    AlertManagerOptions options;
    options.replyTimeoutMs = 2000;
    AlertManagerLink link(settings, options);
    link.start();
    link.send(request);
    if (!QTest::qWaitFor([&] { return !received.isEmpty(); }, 10000))
        received = QStringLiteral("nothing received");
    link.stop();
    return received;
}
} // namespace

class TestAlarmTextI18n : public QObject
{
    Q_OBJECT
private slots:
    void cleanup() { QVERIFY(m_ui.setLanguage(QStringLiteral("en"))); }

    void germanOnScreenEnglishToTheAlertManager()
    {
        AlarmSim s;
        AlarmListModel model(&s.engine);
        s.feed(A, NumericId::Hr, 135);  // HR high
        s.feed(A, NumericId::SpO2, 84); // SpO2 low
        s.advance(10000);
        model.refresh(s.now);
        QCOMPARE(textOf(model, QStringLiteral("hr_high")), QStringLiteral("HR high"));
        QCOMPARE(textOf(model, QStringLiteral("hr_high"), AlarmListModel::StateTextRole),
                 QStringLiteral("active"));

        // The station switched to German at run time (the language chip): the rows follow at the next
        // refresh, without a change in the engine.
        QVERIFY(m_ui.setLanguage(QStringLiteral("de")));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refresh(s.now);
        QVERIFY(changed.count() > 0);
        QCOMPARE(textOf(model, QStringLiteral("hr_high")), QStringLiteral("HR hoch"));
        QCOMPARE(textOf(model, QStringLiteral("spo2_low")), QStringLiteral("SpO2 niedrig"));
        QCOMPARE(textOf(model, QStringLiteral("hr_high"), AlarmListModel::StateTextRole),
                 QStringLiteral("aktiv"));
        QCOMPARE(whereText(AlarmCondition{}), QStringLiteral("Zentrale"));
        // The domain value stays English, so does the model's sourceText.
        QCOMPARE(textOf(model, QStringLiteral("hr_high"), AlarmListModel::SourceTextRole),
                 QStringLiteral("HR high"));
        const AlarmCondition *hr = nullptr;
        for (const AlarmCondition &c : s.engine.conditions())
            if (c.code == QLatin1String("hr_high"))
                hr = s.engine.condition(c.id);
        QVERIFY(hr);
        QCOMPARE(hr->text, QStringLiteral("HR high"));

        // What leaves the station: the PCD-04 report to the alert manager says "HR high", not "HR hoch".
        EscalationAction action;
        action.alarmId = hr->id;
        action.condition = *hr;
        const AlertRequest request = toAlertRequest(action);
        QCOMPARE(request.eventText, QStringLiteral("HR high"));
        const QString hl7 = reportReceived(request);
        QVERIFY2(hl7.startsWith(QLatin1String("MSH|")), qPrintable(hl7.left(200)));
        QVERIFY2(hl7.contains(QLatin1String("HR high")), qPrintable(hl7));
        QVERIFY2(!hl7.contains(QLatin1String("hoch")), qPrintable(hl7));

        // The audit records the English text too.
        QVERIFY(s.engine.acknowledge(hr->id, QStringLiteral("nurse")));
        bool audited = false;
        for (const AuditEntry &e : s.engine.auditLog())
            if (e.action == QLatin1String("acknowledge")) {
                QCOMPARE(e.detail, QStringLiteral("HR high"));
                audited = true;
            }
        QVERIFY(audited);

        // Back to English: the same rows read English again.
        QVERIFY(m_ui.setLanguage(QStringLiteral("en")));
        model.refresh(s.now);
        QCOMPARE(textOf(model, QStringLiteral("hr_high")), QStringLiteral("HR high"));
    }

    void stationTextsTranslateGatewayWordsDoNot()
    {
        QVERIFY(m_ui.setLanguage(QStringLiteral("de")));
        // Technical texts, with and without arguments, and an argument that is itself a station text.
        QCOMPARE(displayText(technicalText(tech::LeadOff)), QStringLiteral("EKG-Elektrode ab"));
        QCOMPARE(displayText(alarmText("Gateway %1: no heartbeat for %2 s",
                                       {QStringLiteral("gw1"), QStringLiteral("12")})),
                 QStringLiteral("Gateway gw1: kein Heartbeat seit 12 s"));
        QCOMPARE(
            displayText(alarmText("Alert manager: no reply for %1 %2",
                                  {QStringLiteral("Bed 3"), conditionText(NumericId::Hr, Direction::High)})),
            QStringLiteral("Alarmserver: keine Antwort für Bed 3 HR hoch"));
        QCOMPARE(displayText(technicalText(tech::StalePrefix + QStringLiteral("spo2"))),
                 QStringLiteral("SpO2: kein aktueller Wert"));
        // A gateway's own words ("Pressure high" is no parameter label of the station) stay as sent.
        QCOMPARE(displayText(QStringLiteral("Pressure high")), QStringLiteral("Pressure high"));
        QCOMPARE(displayText(QStringLiteral("Apnea")), QStringLiteral("Apnea"));
        // The English forms are what alarmText produces whatever the language.
        QCOMPARE(conditionText(NumericId::Hr, Direction::High), QStringLiteral("HR high"));
        QCOMPARE(technicalText(tech::LeadOff), QStringLiteral("ECG lead off"));
    }

    void everyTemplateIsTranslatedInEveryLanguage()
    {
        // Pseudo-localised, a translated template is bracketed: an unbracketed one is missing from the
        // catalogue (the display would silently stay English).
        const QStringList samples = {conditionText(NumericId::Hr, Direction::High),
                                     conditionText(NumericId::SpO2, Direction::Low),
                                     technicalText(tech::NoData),
                                     technicalText(tech::WaveformGap),
                                     technicalText(tech::SensorOff),
                                     alarmText("NEWS2 %1: emergency response", {QStringLiteral("7")}),
                                     alarmText("Pause (central)")};
        for (const QString &language : {QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("es")}) {
            QVERIFY(m_ui.setLanguage(language));
            for (const QString &english : samples)
                QVERIFY2(displayText(english) != english, qPrintable(language + QLatin1Char(' ') + english));
        }
    }

    // English has its own plural forms (vigil_en.ts, lupdate -pluralonly): never "3 object(s)".
    void englishPluralForms()
    {
        const char *text = "PACS not reached, %n object(s) wait: %1";
        QVERIFY(m_ui.setLanguage(QStringLiteral("en")));
        QCOMPARE(
            QCoreApplication::translate("vigil::StationDicom", text, nullptr, 1).arg(QStringLiteral("x")),
            QStringLiteral("PACS not reached, 1 object waits: x"));
        QCOMPARE(
            QCoreApplication::translate("vigil::StationDicom", text, nullptr, 3).arg(QStringLiteral("x")),
            QStringLiteral("PACS not reached, 3 objects wait: x"));
        QVERIFY(m_ui.setLanguage(QStringLiteral("de")));
        QVERIFY(!QCoreApplication::translate("vigil::StationDicom", text, nullptr, 3).contains(u'('));
    }

private:
    UiSettings m_ui;
};

QTEST_GUILESS_MAIN(TestAlarmTextI18n)
#include "tst_alarm_text_i18n.moc"
