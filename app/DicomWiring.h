// The station's store-and-forward queue to the hospital's DICOM node ([dicom] enabled = true): opened
// beside the archive, its worker thread sends; an unreachable node becomes the station's technical
// condition "dicom_unreachable" (with the reason), refusals go to the log. docs/DICOM.md.
#pragma once

#include "DicomConfig.h"
#include "DicomQueue.h"

#include <memory>

namespace vigil {

class Station;

// Null (and *error set) when the queue cannot be opened; null without error when [dicom] is disabled.
std::unique_ptr<dicom::DicomQueue> openDicomQueue(const DicomConfig &config, const QString &archivePath,
                                                  Station *station, QString *error);

dicom::Peer dicomPeer(const DicomConfig &config);

} // namespace vigil
