import QtQuick
import QtTest
import Vigil.Ui

// The bed review page in the test runner, whose station keeps no archive: the page must say so plainly,
// keep its controls safe to press, and still go back with Esc.
Item {
    id: root
    width: 1280
    height: 800

TestCase {
    id: testCase
    name: "BedReview"
    when: windowShown

    Component {
        id: pageComponent
        BedReview {
            anchors.fill: parent
        }
    }
    SignalSpy { id: backSpy; signalName: "back" }

    function make() {
        const page = createTemporaryObject(pageComponent, root, { bedKey: "sim-1", bedLabel: "Bed 01" });
        verify(page !== null);
        page.forceActiveFocus();
        backSpy.target = page;
        backSpy.clear();
        return page;
    }

    function test_noArchiveIsSaid() {
        const page = make();
        verify(!page.review.available);
        compare(page.review.error, "No archive available");
        const notice = findChild(page, "noArchive");
        verify(notice.visible);
        // The tabs cannot lead anywhere without an archive.
        verify(!findChild(page, "tab0").enabled);
        verify(!findChild(page, "tab1").enabled);
        verify(!findChild(page, "tab2").enabled);
        verify(!findChild(page, "errorBar").visible);
        compare(findChild(page, "loadingIndicator").opacity, 0);
        verify(findChild(page, "reviewTitle").text.indexOf("Bed 01") >= 0);
    }

    function test_controlsAreSafeWithoutArchive() {
        const page = make();
        // Every entry point the page offers, called directly: no crash, nothing starts loading.
        page.showTab(1);
        page.showTab(2);
        page.showWavesAt(Date.now());
        page.review.loadTrends();
        page.review.scroll(-10);
        page.review.zoom(2);
        page.review.pan(-0.5);
        verify(!page.review.reviewAlarm("x"));
        verify(!page.review.jumpToText("03:12"));
        verify(!page.review.loading);
        verify(!page.review.loaded);
        page.showTab(0);
        verify(!findChild(page, "trendLoading").visible);
    }

    function test_escGoesBack() {
        const page = make();
        keyClick(Qt.Key_Escape);
        compare(backSpy.count, 1);
    }

    function test_backButton() {
        const page = make();
        const button = findChild(page, "backButton");
        verify(button.height >= 48);
        mouseClick(button);
        compare(backSpy.count, 1);
    }

    function test_parsesTimesWithoutArchive() {
        const page = make();
        verify(!isNaN(page.review.parseTime("03:12")));
        verify(isNaN(page.review.parseTime("not a time")));
    }
}
}
