// Loopback networking for tests: a free port, and MLLP framing over a socket.
#pragma once

#include <QtGlobal>

#include <optional>
#include <string>

class QTcpSocket;

namespace vigil::test {

// A TCP port on 127.0.0.1 that was free a moment ago (bind to port 0, read it back, close).
quint16 freePort();

// Writes msg as one MLLP frame (<VT> msg <FS><CR>).
void mllpSend(QTcpSocket *socket, const std::string &msg);

// Connects to 127.0.0.1:port, sends msg as one MLLP frame and waits up to timeoutMs for one framed reply
// (the ACK). nullopt when the connection or the reply does not come. Blocking: for tests only.
std::optional<std::string> mllpExchange(quint16 port, const std::string &msg, int timeoutMs = 5000);

} // namespace vigil::test
