// Forwards audit records to the hospital's syslog: RFC 5424 messages over TLS with octet-counting framing
// (RFC 5425). Its own thread and QSslSocket; enqueue() is thread-safe and never blocks (the audit writer
// thread calls it after each durable commit). Reconnects with backoff; while down, up to maxQueued
// records wait in memory (the SQLite chain holds them all regardless; `vigil audit export` fills a gap).
//
// Message: <110>1 TIMESTAMP HOST vigil PID ACTION [vigil@32473 seq="" user="" role="" target=""
//          hash=""] DETAILS       (facility 13 "log audit", severity 6 "informational")
#pragma once

#include "AuditLog.h"

#include <QObject>
#include <QString>

#include <deque>
#include <memory>
#include <mutex>

class QThread;

namespace vigil::security {

struct SyslogTarget
{
    QString host;
    quint16 port = 6514;
    QString caFile;   // the CA the receiver's certificate must chain to
    QString peerName; // empty: host
    QString hostName; // HOSTNAME field; empty: the machine's name
};

// One RFC 5424 message (without the RFC 5425 length prefix).
QByteArray formatSyslog(const AuditRecord &r, const QString &hostName, qint64 pid);

class SyslogForwarder
{
public:
    explicit SyslogForwarder(SyslogTarget target, int maxQueued = 10000);
    ~SyslogForwarder();
    SyslogForwarder(const SyslogForwarder &) = delete;
    SyslogForwarder &operator=(const SyslogForwarder &) = delete;

    void start();
    void enqueue(const AuditRecord &r);
    qint64 sent() const;
    qint64 dropped() const;
    QString state() const; // "connected", "connecting", or the last error

private:
    class Worker;
    std::unique_ptr<QThread> m_thread;
    Worker *m_worker = nullptr;
};

} // namespace vigil::security
