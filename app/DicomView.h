// `vigil dicom view FILE`: a DICOM waveform file (General ECG, 12-lead, Hemodynamic) opened in the station's
// review page, full disclosure at true scale, with the file's patient and acquisition in the title and
// what the reader found odd listed on stderr. The file is imported into a temporary archive that is gone
// when the window closes; nothing of the station's own archive is touched.
#pragma once

#include <QStringList>

namespace vigil {

// args: the words after "dicom view". Runs its own QApplication; returns the exit code.
int runDicomView(int argc, char *argv[], const QStringList &args);

} // namespace vigil
