// Where the ingest path hands data for safekeeping (the archive), and learns when it is durable.
//
// IHE PCD gateways expect a commit ACK only once a message is safely stored: an HL7 session stores the
// decoded update, gets a ticket, and sends the ACK when notifyDurable() reports that ticket committed to
// disk. A power cut after the ACK must lose nothing.
#pragma once

#include "Ingest.h"

#include <functional>

namespace vigil {

class DurableStore
{
public:
    virtual ~DurableStore() = default;

    // Any thread. Takes a copy of what it needs; returns a ticket that increases with every call.
    virtual quint64 store(const BedUpdate &update) = 0;

    // Any thread. `done(true)` runs once everything up to and including `ticket` is committed and synced;
    // `done(false)` if it cannot be (disk full, archive unwritable). The callback runs on the store's
    // writer thread: keep it short (post to your own thread).
    virtual void notifyDurable(quint64 ticket, std::function<void(bool ok)> done) = 0;
};

} // namespace vigil
