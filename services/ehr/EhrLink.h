// The EHR link: store-and-forward of charting messages (IHE PCD-01 ORU^R01) to the hospital's Device
// Observation Consumer. Messages queue durably in `<archive>.ehr.sqlite` before enqueue() returns, leave in
// order one at a time, and leave the queue only on a positive ACK (AA/CA); AE/CE, a timeout or a dropped
// connection send the same message again after a pause, AR/CR mark it rejected (logged) and the next goes.
// An acknowledged message is never sent again, also after a restart. When messages wait and the link
// has not delivered for longer than downConditionS, linkDown(true) raises the station's technical
// condition. Lives on its own thread (app/EhrWiring); the dial-out is the station's MllpDialer.
#pragma once

#include "ChartMessage.h"
#include "Mllp.h"
#include "MllpLink.h"
#include "Sqlite.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <atomic>

namespace vigil::ehr {

struct EhrSettings
{
    GatewayLinkSettings link;
    QString queuePath;           // SQLite file; empty: in memory (tests)
    int ackTimeoutMs = 10000;    // no ACK within this: the connection is dropped and the message resent
    int retryMs = 5000;          // after AE/CE before sending the same message again
    double downConditionS = 300; // messages waiting and nothing delivered this long: technical condition
};

struct EhrStats
{
    quint64 sent = 0, acked = 0, nacked = 0, rejected = 0, timeouts = 0;
};

class EhrLink : public QObject
{
    Q_OBJECT
public:
    explicit EhrLink(EhrSettings settings, QObject *parent = nullptr);
    ~EhrLink() override;

    // Opens the queue (creates it); false with the reason. On the link's thread.
    bool open(QString *error);
    void start();
    void stop();

    // On the link's thread (post with QMetaObject::invokeMethod): builds the message, stores it durably,
    // then sends it when its turn comes. Returns the control id (empty when it could not be stored).
    QString enqueue(ChartSet set);

    int depth() const { return m_depth.load(); } // waiting, any thread
    const EhrStats &stats() const { return m_stats; }
    bool down() const { return m_down; }

signals:
    void depthChanged(int depth);
    void linkDown(bool down, const QString &why);
    void logLine(const QString &line, bool problem);
    void delivered(const QString &controlId, const QString &code);

private:
    struct Pending
    {
        qint64 seq = 0;
        QString controlId;
        std::string body;
    };
    std::optional<Pending> head();
    void finish(qint64 seq, int state);
    void pump();
    void onConnected(QTcpSocket *socket);
    void onReadyRead();
    void dropLink(const QString &why);
    void checkDown();
    void updateDepth();

    EhrSettings m_settings;
    archive::sql::Db m_db;
    MllpDialer *m_dialer = nullptr;
    QPointer<QTcpSocket> m_socket;
    hl7::MllpFramer m_framer;
    std::optional<Pending> m_inFlight;
    QTimer m_ackTimer, m_retryTimer, m_downTimer;
    qint64 m_lastGoodMs = 0;
    bool m_down = false;
    bool m_waitRetry = false;
    std::atomic<int> m_depth{0};
    EhrStats m_stats;
    quint64 m_counter = 0;
};

} // namespace vigil::ehr
