#include "UiSettings.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace vigil {

UiSettings::UiSettings(QObject *parent) : QObject(parent) {}

UiSettings::~UiSettings()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
}

QStringList UiSettings::knownLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("es"),
            QStringLiteral("pseudo")};
}

QVariantList UiSettings::languages() const
{
    // Each language named in itself, so a nurse finds hers whatever the screen shows now.
    const QList<std::pair<QString, QString>> list = {{QStringLiteral("en"), QStringLiteral("English")},
                                                     {QStringLiteral("de"), QStringLiteral("Deutsch")},
                                                     {QStringLiteral("fr"), QStringLiteral("Français")},
                                                     {QStringLiteral("es"), QStringLiteral("Español")}};
    QVariantList out;
    for (const auto &[code, name] : list)
        out << QVariantMap{{QStringLiteral("code"), code}, {QStringLiteral("name"), name}};
    return out;
}

bool UiSettings::virtualKeyboard() const
{
    if (!m_keyboardAvailable)
        return false;
    if (m_keyboardMode == QLatin1String("always"))
        return true;
    if (m_keyboardMode == QLatin1String("never"))
        return false;
    return !m_hardwareKeyboard;
}

bool UiSettings::setLanguage(const QString &requested)
{
    QString code = requested;
    if (code.isEmpty()) {
        // The system's locale when there is a catalogue for it, else English.
        const QString system = QLocale::system().name().left(2);
        code = knownLanguages().contains(system) ? system : QStringLiteral("en");
    }
    if (!knownLanguages().contains(code))
        return false;
    // (English has a catalogue too: its plural forms, "%n channel(s)" -> "3 channels".)
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(QStringLiteral(":/i18n/vigil_%1.qm").arg(code)))
        return false;
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
    m_translator.reset();
    m_qtTranslator.reset();
    m_translator = std::move(translator);
    QCoreApplication::installTranslator(m_translator.get());
    if (code != QLatin1String("en")) {
        // Qt's own strings (standard buttons, the on-screen keyboard's keys) when Debian's
        // qt6-translations-l10n is installed; without it they stay English.
        auto qt = std::make_unique<QTranslator>();
        if (code != QLatin1String("pseudo") &&
            qt->load(QStringLiteral("qt_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            m_qtTranslator = std::move(qt);
            QCoreApplication::installTranslator(m_qtTranslator.get());
        }
    }
    // Pseudo-localisation checks the layout only: its dates and numbers stay English.
    m_locale = code == QLatin1String("pseudo") ? QLocale(QLocale::English, QLocale::UnitedKingdom)
               : code == QLatin1String("en")   ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                                               : QLocale(code);
    QLocale::setDefault(m_locale);
    m_language = code;
    emit languageChanged();
    return true;
}

void UiSettings::setKeyboardMode(const QString &mode)
{
    if (mode == m_keyboardMode)
        return;
    m_keyboardMode = mode;
    emit keyboardChanged();
}

void UiSettings::setHardwareKeyboard(bool present)
{
    if (present == m_hardwareKeyboard)
        return;
    m_hardwareKeyboard = present;
    emit keyboardChanged();
}

void UiSettings::setVirtualKeyboardAvailable(bool available)
{
    if (available == m_keyboardAvailable)
        return;
    m_keyboardAvailable = available;
    emit keyboardChanged();
}

void UiSettings::setRestartNote(const QString &note)
{
    if (note == m_restartNote)
        return;
    m_restartNote = note;
    emit restartNoteChanged();
}

} // namespace vigil
