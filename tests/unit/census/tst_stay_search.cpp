// StaySearchModel (models/census): the census's current and discharged stays found by MRN or name through
// the real census engine (services/adt, in memory), answered asynchronously as the station's worker does;
// current stays first; each row's review range is admission to discharge (or to now while current); a
// newer search drops the answer of an older one.
#include "AdtEngine.h"
#include "Census.h"
#include "StaySearchModel.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace vigil;
using namespace vigil::census;

namespace {

// The backend the station gives the census (app/AdtWiring), reduced to the search: the engine answers and
// the answer comes back later on the GUI thread, never from within the call.
class EngineBackend : public CensusBackend
{
public:
    explicit EngineBackend(adt::AdtEngine *engine) : m_engine(engine) {}
    void admit(const QString &, const PatientIdentity &, Done done) override { done(false, {}); }
    void update(const QString &, const PatientIdentity &, Done done) override { done(false, {}); }
    void transfer(const QString &, const QString &, Done done) override { done(false, {}); }
    void discharge(const QString &, Done done) override { done(false, {}); }
    void resolveConflict(qint64, Done done) override { done(false, {}); }
    void search(const QString &text, std::function<void(std::vector<Stay>)> done) override
    {
        ++calls;
        auto found = m_engine->search(text);
        QTimer::singleShot(0, [done, found] { done(found); });
    }
    std::vector<VitalEntry> currentVitals(const QString &) override { return {}; }
    void chart(const QString &, std::vector<VitalEntry>, Done done) override { done(false, {}); }
    int calls = 0;

private:
    adt::AdtEngine *m_engine;
};

PatientIdentity person(const QString &mrn, const QString &family, const QString &given)
{
    PatientIdentity p;
    p.mrn = mrn;
    p.family = family;
    p.given = given;
    p.birthDate = QDate(1970, 1, 1);
    return p;
}

constexpr qint64 kT0 = 1'700'000'000'000;

} // namespace

class TestStaySearch : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        dir = std::make_unique<QTemporaryDir>();
        adt::EngineOptions o;
        o.storePath = dir->filePath(QStringLiteral("census.sqlite")); // the search reads the store
        for (int i = 1; i <= 4; ++i)
            o.beds.beds.insert(QStringLiteral("ICU^%1^A").arg(i));
        o.today = [] { return QDate(2024, 6, 1); };
        engine = std::make_unique<adt::AdtEngine>(std::move(o));
        QString why;
        QVERIFY2(engine->open(&why), qPrintable(why));
        // Müller was in bed 1 and went home; Müller-Lang is in bed 2 now; Meyer in bed 3; then a second
        // Müller stay (readmitted to bed 4), current.
        QVERIFY(engine->admit("ICU^1^A", person("MRN100", "Müller", "Jürgen"), kT0).ok);
        QVERIFY(engine->discharge("ICU^1^A", kT0 + 3'600'000, "discharge").ok);
        QVERIFY(engine->admit("ICU^2^A", person("MRN200", "Müller-Lang", "Eva"), kT0 + 7'200'000).ok);
        QVERIFY(engine->admit("ICU^3^A", person("MRN300", "Meyer", "Karl"), kT0 + 7'300'000).ok);
        QVERIFY(engine->admit("ICU^4^A", person("MRN100", "Müller", "Jürgen"), kT0 + 9'000'000).ok);
        backend = std::make_unique<EngineBackend>(engine.get());
        censusObj = std::make_unique<Census>();
        censusObj->setBackend(backend.get());
        model = std::make_unique<StaySearchModel>();
        model->setClock([] { return kT0 + 10'000'000; });
        model->setCensus(censusObj.get());
    }
    void cleanup()
    {
        model.reset();
        censusObj.reset();
        backend.reset();
        engine.reset();
        dir.reset();
    }

    void byNameCurrentFirst()
    {
        QSignalSpy done(model.get(), &StaySearchModel::countChanged);
        model->search(QStringLiteral("Müller"));
        QVERIFY(model->busy());
        QCOMPARE(model->count(), 0); // the answer is not there yet
        QVERIFY(done.wait(2000));
        QVERIFY(!model->busy());
        // Three Müller stays (two of MRN100, one of Müller-Lang), none of Meyer.
        QCOMPARE(model->count(), 3);
        auto row = [&](int r, const char *key) { return model->get(r).value(QLatin1String(key)); };
        QCOMPARE(row(0, "current").toBool(), true);
        QCOMPARE(row(1, "current").toBool(), true);
        QCOMPARE(row(2, "current").toBool(), false);
        // Current ones newest admission first: bed 4's readmission, then bed 2.
        QCOMPARE(row(0, "bedKey").toString(), QStringLiteral("ICU^4^A"));
        QCOMPARE(row(1, "bedKey").toString(), QStringLiteral("ICU^2^A"));
        QCOMPARE(row(1, "name").toString(), QStringLiteral("Müller-Lang, Eva"));
        // The discharged stay: bed 1, its review range is exactly the stay.
        QCOMPARE(row(2, "bedKey").toString(), QStringLiteral("ICU^1^A"));
        QCOMPARE(row(2, "mrn").toString(), QStringLiteral("MRN100"));
        QCOMPARE(row(2, "reviewFrom").toDouble(), double(kT0));
        QCOMPARE(row(2, "reviewTo").toDouble(), double(kT0 + 3'600'000));
        QCOMPARE(row(2, "endMs").toDouble(), double(kT0 + 3'600'000));
        // A current stay's review runs to now.
        QCOMPARE(row(0, "endMs").toDouble(), -1.0);
        QCOMPARE(row(0, "reviewTo").toDouble(), double(kT0 + 10'000'000));
        // rows (QML's model) is the same list.
        QCOMPARE(model->rows().size(), 3);
        QCOMPARE(model->rows().at(2).toMap().value("bedKey").toString(), QStringLiteral("ICU^1^A"));
    }

    void byMrn()
    {
        QSignalSpy done(model.get(), &StaySearchModel::countChanged);
        model->search(QStringLiteral(" MRN300 "));
        QVERIFY(done.wait(2000));
        QCOMPARE(model->count(), 1);
        QCOMPARE(model->get(0).value("name").toString(), QStringLiteral("Meyer, Karl"));
        QCOMPARE(model->get(0).value("bedKey").toString(), QStringLiteral("ICU^3^A"));
    }

    void newerSearchWins()
    {
        QSignalSpy done(model.get(), &StaySearchModel::countChanged);
        model->search(QStringLiteral("Meyer"));
        model->search(QStringLiteral("Müller-Lang")); // before the first answer arrives
        QVERIFY(done.wait(2000));
        QTest::qWait(50); // the first answer has come too: it must not have replaced the second
        QCOMPARE(backend->calls, 2);
        QCOMPARE(model->count(), 1);
        QCOMPARE(model->get(0).value("mrn").toString(), QStringLiteral("MRN200"));
        QCOMPARE(model->text(), QStringLiteral("Müller-Lang"));
    }

    void shortTextClears()
    {
        QSignalSpy done(model.get(), &StaySearchModel::countChanged);
        model->search(QStringLiteral("Meyer"));
        QVERIFY(done.wait(2000));
        QCOMPARE(model->count(), 1);
        model->search(QStringLiteral("M"));
        QCOMPARE(model->count(), 0);
        QCOMPARE(backend->calls, 1); // a one-letter text is not searched
        QVERIFY(!model->busy());
        QTest::qWait(20);
        QCOMPARE(model->count(), 0);
    }

    void unknownFindsNothing()
    {
        QSignalSpy busy(model.get(), &StaySearchModel::busyChanged);
        model->search(QStringLiteral("Nobody"));
        QTRY_VERIFY_WITH_TIMEOUT(!model->busy(), 2000);
        QCOMPARE(model->count(), 0);
    }

private:
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<adt::AdtEngine> engine;
    std::unique_ptr<EngineBackend> backend;
    std::unique_ptr<Census> censusObj;
    std::unique_ptr<StaySearchModel> model;
};

QTEST_GUILESS_MAIN(TestStaySearch)
#include "tst_stay_search.moc"
