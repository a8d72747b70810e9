#include "Net.h"

#include "Mllp.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>

namespace vigil::test {

quint16 freePort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    return s.serverPort();
}

void mllpSend(QTcpSocket *socket, const std::string &msg)
{
    const std::string framed = hl7::MllpFramer::frame(msg);
    socket->write(framed.data(), static_cast<qint64>(framed.size()));
}

std::optional<std::string> mllpExchange(quint16 port, const std::string &msg, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return std::nullopt;
    mllpSend(&socket, msg);
    hl7::MllpFramer framer;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (!socket.waitForReadyRead(int(std::max<qint64>(1, timeoutMs - t.elapsed()))))
            break;
        const QByteArray b = socket.readAll();
        framer.feed(std::string_view(b.constData(), static_cast<std::size_t>(b.size())));
        if (const auto frame = framer.next())
            return std::string(*frame);
    }
    return std::nullopt;
}

} // namespace vigil::test
