#!/usr/bin/python3
"""pydicom's reading of a DICOM waveform file, for the Vigil DICOM tests (/usr/bin/python3: Debian's
python3-pydicom).

  dicom_check.py summary FILE         JSON: per multiplex group channels, samples, rate, first raw and
                                      scaled values (pydicom's (raw + baseline) * sensitivity * correction)
  dicom_check.py iod FILE             JSON: what an IOD's content constraints look at (modality, groups,
                                      channels, rates, channel sources and units, Synchronization and
                                      Enhanced General Equipment attributes), as pydicom reads them
  dicom_check.py compare FILE EXP     EXP (JSON): {"groups": [{"rate": R, "channels": [{"label": L,
                                      "values": [float32 or null for padding]}]}]}; exit 0 when every raw
                                      sample x sensitivity, as float32, equals the expected float32
"""
import json
import sys

import numpy as np
import pydicom
from pydicom.waveforms.numpy_handler import multiplex_array


def summary(path, n=20):
    ds = pydicom.dcmread(path)
    out = {"sop_class": str(ds.SOPClassUID), "patient_id": str(ds.get("PatientID", "")),
           "patient_name": str(ds.get("PatientName", "")), "groups": []}
    for i, g in enumerate(ds.WaveformSequence):
        raw = multiplex_array(ds, i, as_raw=True)
        scaled = multiplex_array(ds, i, as_raw=False)
        out["groups"].append({
            "channels": int(g.NumberOfWaveformChannels),
            "samples": int(g.NumberOfWaveformSamples),
            "rate": float(g.SamplingFrequency),
            "raw": [[int(v) for v in raw[:n, c]] for c in range(raw.shape[1])],
            "values": [[float(v) for v in scaled[:n, c]] for c in range(scaled.shape[1])],
            "labels": [str(ch.get("ChannelLabel", "")) for ch in g.ChannelDefinitionSequence],
        })
    print(json.dumps(out))
    return 0


def compare(path, expected_path):
    ds = pydicom.dcmread(path)
    exp = json.load(open(expected_path))
    errors = []
    if len(ds.WaveformSequence) != len(exp["groups"]):
        print(f"{len(ds.WaveformSequence)} groups, expected {len(exp['groups'])}")
        return 1
    compared = 0
    for gi, (g, eg) in enumerate(zip(ds.WaveformSequence, exp["groups"])):
        if abs(float(g.SamplingFrequency) - eg["rate"]) > 1e-9:
            errors.append(f"group {gi}: rate {g.SamplingFrequency}, expected {eg['rate']}")
        raw = multiplex_array(ds, gi, as_raw=True)
        pad = None
        if "WaveformPaddingValue" in g:
            pad = int(np.frombuffer(g.WaveformPaddingValue, dtype="<i2")[0])
        if raw.shape[1] != len(eg["channels"]):
            errors.append(f"group {gi}: {raw.shape[1]} channels, expected {len(eg['channels'])}")
            continue
        for ci, (cd, ec) in enumerate(zip(g.ChannelDefinitionSequence, eg["channels"])):
            if str(cd.ChannelLabel) != ec["label"]:
                errors.append(f"group {gi} channel {ci}: label {cd.ChannelLabel}, expected {ec['label']}")
            sens = float(cd.ChannelSensitivity) * float(cd.get("ChannelSensitivityCorrectionFactor", 1.0))
            base = float(cd.get("ChannelBaseline", 0.0))
            vals = ec["values"]
            if len(vals) != raw.shape[0]:
                errors.append(f"group {gi} channel {ci}: {raw.shape[0]} samples, expected {len(vals)}")
                continue
            col = raw[:, ci].astype(np.float64)
            got = ((col + base) * sens).astype(np.float32)
            for k, v in enumerate(vals):
                if v is None:
                    if pad is None or int(raw[k, ci]) != pad:
                        errors.append(f"group {gi} channel {ci} sample {k}: {raw[k, ci]}, expected padding")
                elif got[k] != np.float32(v):
                    errors.append(f"group {gi} channel {ci} sample {k}: {got[k]!r} (raw {raw[k, ci]}), expected {np.float32(v)!r}")
                compared += 1
                if len(errors) > 20:
                    break
    if errors:
        print("\n".join(errors[:20]))
        return 1
    print(f"ok: {compared} samples equal")
    return 0


def iod(path):
    ds = pydicom.dcmread(path)
    out = {"sop_class": str(ds.SOPClassUID), "modality": str(ds.get("Modality", "")),
           "frame_of_reference": str(ds.get("FrameOfReferenceUID", "")),
           "sync_frame_of_reference": str(ds.get("SynchronizationFrameOfReferenceUID", "")),
           "sync_trigger": str(ds.get("SynchronizationTrigger", "")),
           "acquisition_time_synchronized": str(ds.get("AcquisitionTimeSynchronized", "")),
           "device_serial": str(ds.get("DeviceSerialNumber", "")),
           "software_versions": str(ds.get("SoftwareVersions", "")),
           "acquisition_context": "AcquisitionContextSequence" in ds,
           "groups": []}
    for g in ds.WaveformSequence:
        chans = []
        for cd in g.ChannelDefinitionSequence:
            src = cd.ChannelSourceSequence[0]
            unit = cd.ChannelSensitivityUnitsSequence[0]
            chans.append({"label": str(cd.ChannelLabel), "source": [str(src.CodeValue),
                          str(src.CodingSchemeDesignator), str(src.CodeMeaning)],
                          "unit": [str(unit.CodeValue), str(unit.CodingSchemeDesignator)]})
        out["groups"].append({"rate": float(g.SamplingFrequency),
                              "channels": int(g.NumberOfWaveformChannels),
                              "interpretation": str(g.WaveformSampleInterpretation),
                              "definitions": chans})
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "iod":
        sys.exit(iod(sys.argv[2]))
    if len(sys.argv) == 3 and sys.argv[1] == "summary":
        sys.exit(summary(sys.argv[2]))
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    print(__doc__)
    sys.exit(2)
