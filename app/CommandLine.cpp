#include "CommandLine.h"

#include <QCommandLineParser>

namespace vigil {

std::optional<Options> parseCommandLine(const QStringList &arguments, QString *error)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Vigil central monitoring station: live waveforms, vital signs and alarms of every bed of a ward.\n"
        "Without --config it runs the embedded demo: a simulated ward of 16 beds."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version."));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Load the station file FILE."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption demoBeds(
        QStringLiteral("demo-beds"),
        QStringLiteral("Size of the simulated ward, 1 to 64 (adds a simulator if the "
                       "station file has none)."),
        QStringLiteral("N"));
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      QStringLiteral("Run the model layer and sources with no window."));
    const QCommandLineOption stateFile(
        QStringLiteral("state-file"),
        QStringLiteral("Rewrite a JSON snapshot of the live state to PATH about once "
                       "a second (atomic replace; docs/STATE_FILE.md)."),
        QStringLiteral("PATH"));
    const QCommandLineOption selfTest(
        QStringLiteral("self-test"),
        QStringLiteral("Load every QML file, build the model layer, and exit 0 on "
                       "success."));
    const QCommandLineOption checkConfig(QStringLiteral("check-config"),
                                         QStringLiteral("Validate the station file (and sources) and exit."));
    const QCommandLineOption printDefault(
        QStringLiteral("print-default-config"),
        QStringLiteral("Print the embedded default station file and exit."));
    const QCommandLineOption quitAfter(QStringLiteral("quit-after"),
                                       QStringLiteral("Quit after SECONDS (tests, benchmarks)."),
                                       QStringLiteral("SECONDS"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save a PNG of the window to FILE after --screenshot-delay."), QStringLiteral("FILE"));
    const QCommandLineOption screenshotDelay(QStringLiteral("screenshot-delay"),
                                             QStringLiteral("Seconds before --screenshot (default 4)."),
                                             QStringLiteral("SECONDS"));
    const QCommandLineOption windowSize(
        QStringLiteral("window-size"),
        QStringLiteral("Initial window size, e.g. 1280x800 (default 1920x1080)."), QStringLiteral("WxH"));
    const QCommandLineOption fullscreen(QStringLiteral("fullscreen"), QStringLiteral("Start full screen."));
    const QCommandLineOption replay(
        QStringLiteral("replay"),
        QStringLiteral("Play the PhysioNet WFDB record RECORD (header path) into its own "
                       "bed, looping. Repeatable."),
        QStringLiteral("RECORD"));
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QStringLiteral("Listen for gateways on URL (mllps://HOST:PORT, or mllp:// for "
                       "plaintext). Repeatable."),
        QStringLiteral("URL"));
    const QCommandLineOption gateway(
        QStringLiteral("gateway"),
        QStringLiteral("Dial the gateway at URL and keep the subscription. Repeatable."),
        QStringLiteral("URL"));
    const QCommandLineOption tlsCa(QStringLiteral("tls-ca"),
                                   QStringLiteral("CA certificate (PEM) for --listen/--gateway TLS."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"), QStringLiteral("Station certificate (PEM)."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("Station private key (PEM)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption archive(
        QStringLiteral("archive"),
        QStringLiteral("Full-disclosure archive file (default: [archive] path, else "
                       "~/.local/share/vigil/archive.sqlite)."),
        QStringLiteral("FILE"));
    const QCommandLineOption noArchive(
        QStringLiteral("no-archive"),
        QStringLiteral("Run without the archive (tests; not for clinical use)."));
    const QCommandLineOption alertManager(
        QStringLiteral("alert-manager"),
        QStringLiteral("Send escalations to the ward's alert manager at URL "
                       "(PCD-04 escalate; uses --tls-*)."),
        QStringLiteral("URL"));
    const QCommandLineOption language(
        QStringLiteral("language"),
        QStringLiteral("Language of the screens: en, de, fr, es or pseudo (overrides [ui] language)."),
        QStringLiteral("CODE"));
    p.addOption(language);
    // The ADT feed mirrors --listen / --gateway (same URLs, same --tls-* files; docs/ADT.md).
    const QCommandLineOption adtListen(
        QStringLiteral("adt-listen"),
        QStringLiteral("Listen for the hospital's HL7 ADT feed on URL (mllps:// or mllp://). Repeatable."),
        QStringLiteral("URL"));
    const QCommandLineOption adt(QStringLiteral("adt"),
                                 QStringLiteral("Dial the hospital's HL7 ADT feed at URL. Repeatable."),
                                 QStringLiteral("URL"));
    p.addOptions({adtListen, adt});
    p.addOptions({help,       version,     config,       demoBeds,  headless,    stateFile,
                  selfTest,   checkConfig, printDefault, quitAfter, screenshot,  screenshotDelay,
                  windowSize, fullscreen,  replay,       listen,    gateway,     tlsCa,
                  tlsCert,    tlsKey,      archive,      noArchive, alertManager});

    Options o;
    o.helpText = p.helpText();
    auto fail = [&](const QString &msg) {
        if (error)
            *error = msg;
        return std::nullopt;
    };
    if (!p.parse(arguments))
        return fail(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));

    o.help = p.isSet(help);
    o.version = p.isSet(version);
    o.headless = p.isSet(headless);
    o.selfTest = p.isSet(selfTest);
    o.checkConfig = p.isSet(checkConfig);
    o.printDefaultConfig = p.isSet(printDefault);
    o.fullscreen = p.isSet(fullscreen);
    o.configPath = p.value(config);
    o.stateFile = p.value(stateFile);
    o.screenshotPath = p.value(screenshot);
    o.replays = p.values(replay);
    o.listens = p.values(listen);
    o.gateways = p.values(gateway);
    o.adtListens = p.values(adtListen);
    o.adtConnects = p.values(adt);
    o.tlsCa = p.value(tlsCa);
    o.tlsCert = p.value(tlsCert);
    o.tlsKey = p.value(tlsKey);
    o.archivePath = p.value(archive);
    o.alertManager = p.value(alertManager);
    o.noArchive = p.isSet(noArchive);
    o.language = p.value(language);
    if (o.noArchive && !o.archivePath.isEmpty())
        return fail(QStringLiteral("--archive and --no-archive contradict each other"));
    for (const QString &url : o.listens + o.gateways + o.adtListens + o.adtConnects) {
        if (!url.startsWith(QLatin1String("mllps://")) && !url.startsWith(QLatin1String("mllp://")))
            return fail(QStringLiteral("'%1': expected mllps://HOST:PORT or mllp://HOST:PORT").arg(url));
        if (url.startsWith(QLatin1String("mllps://")) &&
            (o.tlsCa.isEmpty() || o.tlsCert.isEmpty() || o.tlsKey.isEmpty()))
            return fail(QStringLiteral("'%1' is TLS: give --tls-ca, --tls-cert and --tls-key").arg(url));
    }
    if (p.isSet(config) && o.configPath.isEmpty())
        return fail(QStringLiteral("--config: needs a file name"));
    if (p.isSet(stateFile) && o.stateFile.isEmpty())
        return fail(QStringLiteral("--state-file: needs a path"));

    auto number = [&](const QCommandLineOption &opt, double lo, double hi, bool integer,
                      double &out) -> std::optional<QString> {
        if (!p.isSet(opt))
            return std::nullopt;
        bool ok = false;
        const QString text = p.value(opt);
        const double v = text.toDouble(&ok);
        if (!ok || v < lo || v > hi || (integer && v != static_cast<long long>(v)))
            return QStringLiteral("--%1: expected %2 from %3 to %4, got '%5'")
                .arg(opt.names().constLast(),
                     integer ? QStringLiteral("a whole number") : QStringLiteral("a number"))
                .arg(lo)
                .arg(hi)
                .arg(text);
        out = v;
        return std::nullopt;
    };
    double beds = 0;
    if (auto e = number(demoBeds, 1, 64, true, beds))
        return fail(*e);
    if (p.isSet(demoBeds))
        o.demoBeds = static_cast<int>(beds);
    // At most what one QTimer interval holds (int milliseconds, as main() passes it).
    if (auto e = number(quitAfter, 0.1, 2e6, false, o.quitAfterS))
        return fail(*e);
    if (auto e = number(screenshotDelay, 0, 3600, false, o.screenshotDelayS))
        return fail(*e);
    if (p.isSet(windowSize)) {
        const QStringList wh = p.value(windowSize).split(u'x');
        bool okW = false, okH = false;
        const int w = wh.size() == 2 ? wh[0].toInt(&okW) : 0;
        const int h = wh.size() == 2 ? wh[1].toInt(&okH) : 0;
        if (!okW || !okH || w < 640 || h < 480 || w > 8192 || h > 8192)
            return fail(QStringLiteral("--window-size: expected WxH between 640x480 and 8192x8192, got '%1'")
                            .arg(p.value(windowSize)));
        o.windowSize = QSize(w, h);
    }
    if (o.selfTest && o.headless)
        return fail(QStringLiteral("--self-test loads the QML, it cannot be combined with --headless"));
    if (!o.screenshotPath.isEmpty() && o.headless)
        return fail(QStringLiteral("--screenshot needs the window, it cannot be combined with --headless"));
    return o;
}

} // namespace vigil
