// Test data from ../shared/data beside the checkout (WFDB records, HL7 samples), for every test program.
//
// A test that needs it and finds it missing is reported as skipped by ctest, not as passed: the check
// below QSKIPs the function and remembers it, and VIGIL_TEST_MAIN / VIGIL_TEST_GUILESS_MAIN then make the
// program exit with kSkipReturnCode (ctest's SKIP_RETURN_CODE, set by vigil_add_test ... SHARED_DATA).
// With VIGIL_REQUIRE_SHARED_DATA=1 in the environment (CI: ./test.sh --all) a missing file fails instead.
#pragma once

#include <QCoreApplication>
#include <QFileInfo>
#include <QString>
#include <QTest>

namespace vigil::test {

inline constexpr int kSkipReturnCode = 77;

// The shared data folder (VIGIL_SHARED_DATA from the environment, else the path CMake found), with
// `sub` appended when given: sharedDataPath(u"wfdb") -> .../shared/data/wfdb.
QString sharedDataPath(const QString &sub = {});

// True when VIGIL_REQUIRE_SHARED_DATA=1: a missing file is a failure, not a skip.
bool sharedDataRequired();

// Records that a test function was skipped for want of shared data (the program then exits 77).
void noteSharedDataMissing(const QString &what);
bool sharedDataWasMissing();

// Exit code for a finished Qt Test run: 77 when it passed but skipped something for missing data.
int finishRun(int qtestResult);

} // namespace vigil::test

// Skips (or, with VIGIL_REQUIRE_SHARED_DATA=1, fails) the current test function when `path` (a file or
// folder under the shared data) does not exist.
#define VIGIL_REQUIRE_SHARED_DATA(path)                                                                      \
    do {                                                                                                     \
        const QString vigilPath_ = (path);                                                                   \
        if (!QFileInfo::exists(vigilPath_)) {                                                                \
            const QString vigilMsg_ =                                                                        \
                QStringLiteral("shared test data not found: %1 (../shared/data beside the checkout, or "     \
                               "set VIGIL_SHARED_DATA)")                                                     \
                    .arg(vigilPath_);                                                                        \
            if (vigil::test::sharedDataRequired())                                                           \
                QFAIL(qPrintable(vigilMsg_ + QStringLiteral("; VIGIL_REQUIRE_SHARED_DATA=1 requires it")));  \
            vigil::test::noteSharedDataMissing(vigilPath_);                                                  \
            QSKIP(qPrintable(vigilMsg_));                                                                    \
        }                                                                                                    \
    } while (false)

// QTEST_GUILESS_MAIN / QTEST_MAIN that report a skip for missing shared data to ctest.
#define VIGIL_TEST_GUILESS_MAIN(TestObject)                                                                  \
    int main(int argc, char *argv[])                                                                         \
    {                                                                                                        \
        QCoreApplication app(argc, argv);                                                                    \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                             \
        TestObject tc;                                                                                       \
        QTEST_SET_MAIN_SOURCE_PATH                                                                           \
        return vigil::test::finishRun(QTest::qExec(&tc, argc, argv));                                        \
    }
