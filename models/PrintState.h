// The station's printing as the UI shows it (QML: `Station.printing`): the print queue's counts, the
// printer's state, and the actions print / export a report. The composition root (app/PrintWiring) fills
// it from the print queue (services/print) and supplies the actions; models/ knows nothing of CUPS.
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace vigil {

class PrintState : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool available READ available NOTIFY changed) // a print queue runs (archive + store)
    Q_PROPERTY(bool printerConfigured READ printerConfigured NOTIFY changed)
    Q_PROPERTY(bool printerReady READ printerReady NOTIFY changed)
    Q_PROPERTY(QString printerText READ printerText NOTIFY changed)
    Q_PROPERTY(int queued READ queued NOTIFY changed) // waiting or in the printer
    Q_PROPERTY(int failed READ failed NOTIFY changed)
    Q_PROPERTY(QString lastFailure READ lastFailure NOTIFY changed)
    Q_PROPERTY(QString archivePath READ archivePath NOTIFY changed)
    Q_PROPERTY(QString lastExport READ lastExport NOTIFY changed)
public:
    struct State
    {
        bool available = false;
        bool printerConfigured = false;
        bool printerReady = false;
        QString printerText;
        int queued = 0;
        int failed = 0;
        QString lastFailure;
        QString archivePath;
        QString lastExport;
        bool operator==(const State &) const = default;
    };
    // kind: "ward", "patient", "strip", "disclosure", "events"; times in ms since the epoch (0: default).
    struct Request
    {
        QString kind;
        QString bedKey;
        qint64 fromMs = 0;
        qint64 toMs = 0;
        qint64 triggerMs = 0;
    };
    struct Actions
    {
        std::function<bool(const Request &)> print;
        std::function<QString(const Request &)>
            exportPdf; // returns the PDF's path (written in the background)
    };

    explicit PrintState(QObject *parent = nullptr) : QObject(parent) {}
    void setActions(Actions actions) { m_actions = std::move(actions); }
    const State &state() const { return m_state; }
    void publish(const State &s)
    {
        if (s == m_state)
            return;
        m_state = s;
        emit changed();
    }

    bool available() const { return m_state.available; }
    bool printerConfigured() const { return m_state.printerConfigured; }
    bool printerReady() const { return m_state.printerReady; }
    QString printerText() const { return m_state.printerText; }
    int queued() const { return m_state.queued; }
    int failed() const { return m_state.failed; }
    QString lastFailure() const { return m_state.lastFailure; }
    QString archivePath() const { return m_state.archivePath; }
    QString lastExport() const { return m_state.lastExport; }

    // Queues a print on the configured printer; false when printing is not available.
    Q_INVOKABLE bool print(const QString &kind, const QString &bedKey, double fromMs = 0, double toMs = 0,
                           double triggerMs = 0)
    {
        return m_actions.print &&
               m_actions.print({kind, bedKey, qint64(fromMs), qint64(toMs), qint64(triggerMs)});
    }
    // Writes the report as a PDF beside the archive (in the background); returns its path, empty if none.
    Q_INVOKABLE QString exportPdf(const QString &kind, const QString &bedKey, double fromMs = 0,
                                  double toMs = 0, double triggerMs = 0)
    {
        if (!m_actions.exportPdf)
            return {};
        return m_actions.exportPdf({kind, bedKey, qint64(fromMs), qint64(toMs), qint64(triggerMs)});
    }

signals:
    void changed();

private:
    Actions m_actions;
    State m_state;
};

} // namespace vigil
