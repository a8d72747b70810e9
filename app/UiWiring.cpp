#include "UiWiring.h"

#include "Archive.h"
#include "Station.h"
#include "UiSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QInputDevice>
#include <QQmlEngine>
#include <QSaveFile>

namespace vigil {

namespace {

// A keyboard the system reports, other than the virtual "core" ones every X server lists.
bool hardwareKeyboardPresent()
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return true; // no window, no on-screen keyboard
    for (const QInputDevice *d : QInputDevice::devices()) {
        if (d->type() != QInputDevice::DeviceType::Keyboard)
            continue;
        const QString name = d->name().toLower();
        if (name.contains(QLatin1String("virtual core")) || name.contains(QLatin1String("xtest")) ||
            name.contains(QLatin1String("power button")) || name.contains(QLatin1String("video bus")))
            continue;
        return true;
    }
    return false;
}

} // namespace

bool applyUiConfig(Station *station, const UiConfig &ui, const QString &language, QString *error)
{
    UiSettings *s = station->uiSettings();
    const QString lang = language.isEmpty() ? ui.language : language;
    if (!s->setLanguage(lang)) {
        if (error)
            *error = QStringLiteral("no translation for language '%1' (known: %2)")
                         .arg(lang, UiSettings::knownLanguages().join(QStringLiteral(", ")));
        return false;
    }
    s->setKeyboardMode(ui.virtualKeyboard);
    s->setHardwareKeyboard(hardwareKeyboardPresent());
    s->setVirtualKeyboardAvailable(qgetenv("QT_IM_MODULE") == "qtvirtualkeyboard" &&
                                   qobject_cast<QGuiApplication *>(QCoreApplication::instance()));
    return true;
}

void retranslateOnLanguageChange(Station *station, QQmlEngine &engine)
{
    QObject::connect(station->uiSettings(), &UiSettings::languageChanged, &engine, [&engine] {
        engine.setUiLanguage(QLocale().name());
        engine.retranslate();
    });
    engine.setUiLanguage(QLocale().name());
}

RunMarker::RunMarker(const QString &dir)
{
    QDir().mkpath(dir);
    m_path = QDir(dir).filePath(QStringLiteral("vigil.running"));
    QFile previous(m_path);
    if (previous.open(QIODevice::ReadOnly)) {
        m_unclean = true;
        m_previousStart = QString::fromUtf8(previous.readAll()).trimmed();
    }
    QSaveFile f(m_path);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QDateTime::currentDateTime().toString(Qt::ISODate).toUtf8() + '\n');
        f.commit();
    }
}

RunMarker::~RunMarker()
{
    QFile::remove(m_path);
}

void RunMarker::report(Station *station, archive::Archive *archive) const
{
    if (!m_unclean)
        return;
    const QDateTime now = QDateTime::currentDateTime();
    //: Shown on the station after it was restarted automatically (crash, power cut). %1 is the time.
    station->uiSettings()->setRestartNote(
        QCoreApplication::translate("vigil::RunMarker", "Restarted at %1 after an unexpected stop")
            .arg(QLocale().toString(now.time(), QLocale::ShortFormat)));
    const QString text =
        QStringLiteral(
            "station restarted after an unexpected stop (the run started %1 did not shut down cleanly)")
            .arg(m_previousStart.isEmpty() ? QStringLiteral("at an unknown time") : m_previousStart);
    qWarning("vigil: %s", qPrintable(text));
    if (archive)
        archive->storeEvent(QString(), now.toMSecsSinceEpoch(), QStringLiteral("station_restart"), text);
}

} // namespace vigil
