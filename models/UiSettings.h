// The station's user-interface settings as QML sees them (`Station.ui`): the language, switchable at run
// time without a restart, the on-screen keyboard policy, and the note that the station was restarted after
// an unexpected stop. Qt Core only: the QML engine's retranslate() is connected by the app
// (app/UiWiring.cpp) to languageChanged().
#pragma once

#include <QLocale>
#include <QObject>
#include <QString>
#include <QTranslator>
#include <QVariantList>

#include <memory>

namespace vigil {

class UiSettings : public QObject
{
    Q_OBJECT
    // "" (the system's locale, English when it has no catalogue), "en", "de", "fr", "es" or "pseudo".
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    // The locale dates, times and numbers follow (Qt.locale(Station.ui.localeName)).
    Q_PROPERTY(QString localeName READ localeName NOTIFY languageChanged)
    // The languages offered in the UI: [{code, name}], each name in its own language.
    Q_PROPERTY(QVariantList languages READ languages CONSTANT)
    // "auto" (on-screen keyboard when no hardware keyboard is found), "always" or "never".
    Q_PROPERTY(QString keyboardMode READ keyboardMode NOTIFY keyboardChanged)
    Q_PROPERTY(bool hardwareKeyboard READ hardwareKeyboard NOTIFY keyboardChanged)
    // Qt Virtual Keyboard is the input method of this process (QT_IM_MODULE=qtvirtualkeyboard).
    Q_PROPERTY(bool virtualKeyboardAvailable READ virtualKeyboardAvailable NOTIFY keyboardChanged)
    // Whether the on-screen keyboard appears for a text or number field.
    Q_PROPERTY(bool virtualKeyboard READ virtualKeyboard NOTIFY keyboardChanged)
    // Non-empty after a restart that followed an unexpected stop: "Restarted at 14:02 ..." (shown on screen).
    Q_PROPERTY(QString restartNote READ restartNote NOTIFY restartNoteChanged)
public:
    explicit UiSettings(QObject *parent = nullptr);
    ~UiSettings() override;

    static QStringList knownLanguages(); // en de fr es pseudo

    QString language() const { return m_language; }
    QString localeName() const { return m_locale.name(); }
    QVariantList languages() const;
    QString keyboardMode() const { return m_keyboardMode; }
    bool hardwareKeyboard() const { return m_hardwareKeyboard; }
    bool virtualKeyboardAvailable() const { return m_keyboardAvailable; }
    bool virtualKeyboard() const;
    QString restartNote() const { return m_restartNote; }

    // Installs the catalogue (qrc:/i18n/vigil_<code>.qm) and the default locale, then emits
    // languageChanged. False (and nothing changes) for a code without a catalogue.
    Q_INVOKABLE bool setLanguage(const QString &code);
    void setKeyboardMode(const QString &mode); // auto, always, never
    void setHardwareKeyboard(bool present);
    void setVirtualKeyboardAvailable(bool available);
    void setRestartNote(const QString &note);

signals:
    void languageChanged();
    void keyboardChanged();
    void restartNoteChanged();

private:
    QString m_language;
    QLocale m_locale;
    std::unique_ptr<QTranslator> m_translator;
    std::unique_ptr<QTranslator> m_qtTranslator;
    QString m_keyboardMode = QStringLiteral("auto");
    bool m_hardwareKeyboard = true;
    bool m_keyboardAvailable = false;
    QString m_restartNote;
};

} // namespace vigil
