#include "Gui.h"

#include "ArchiveQueryAdapter.h"
#include "QmlTypes.h"
#include "ReviewModel.h"

#include <QDirIterator>

#include <memory>

#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Vigil_UiPlugin)

namespace vigil {

void prepareEngine(QQmlEngine &engine, Station *station, const QString &archivePath)
{
    // The review pages this engine creates read history through this; without an archive they say so
    // instead of failing.
    review::ReviewArchive::install(
        &engine,
        archivePath.isEmpty() ? nullptr : std::make_shared<archive::ArchiveQueryAdapter>(archivePath));
    // Native (hinted, alpha-mask) glyphs cost a software rasteriser far less per pixel than distance-field
    // text, and are crisper at the fixed sizes a station uses.
    QQuickWindow::setTextRenderType(QQuickWindow::NativeTextRendering);
    StationForeign::instance = station;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
}

QQuickWindow *loadStationWindow(QQmlApplicationEngine &engine, Station *station, QString *error,
                                const QString &archivePath)
{
    prepareEngine(engine, station, archivePath);
    QStringList warnings;
    const auto collect =
        QObject::connect(&engine, &QQmlEngine::warnings, [&warnings](const QList<QQmlError> &list) {
            for (const auto &e : list)
                warnings << e.toString();
        });
    engine.load(QUrl(QString::fromLatin1(kMainQmlUrl)));
    QObject::disconnect(collect);
    auto *window =
        engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (!window) {
        if (error)
            *error = QStringLiteral("cannot load the station window: %1").arg(warnings.join(u'\n'));
        return nullptr;
    }
    return window;
}

int compileAllQml(QQmlEngine &engine, QString *error)
{
    int count = 0;
    QDirIterator it(QStringLiteral(":/qt/qml/Vigil/Ui"), {QStringLiteral("*.qml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc") + path));
        if (component.isError()) {
            if (error)
                *error = component.errorString();
            return -1;
        }
        ++count;
    }
    return count;
}

} // namespace vigil
