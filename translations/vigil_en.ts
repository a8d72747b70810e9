<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DicomView</name>
    <message numerus="yes">
        <source>%1  %2  —  %3, acquired %4  —  %n channel(s)</source>
        <extracomment>The DICOM viewer&apos;s header: what the file is and who it belongs to. %1 patient, %2 patient id, %3 the kind of object (12-lead ECG...), %4 acquisition time, %n number of channels.</extracomment>
        <translation>
            <numerusform>%1  %2  —  %3, acquired %4  —  %n channel</numerusform>
            <numerusform>%1  %2  —  %3, acquired %4  —  %n channels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DicomViewer</name>
    <message numerus="yes">
        <source>Multiplex group %1 of %2: %3, %n channel(s)   Tab next group</source>
        <translation>
            <numerusform>Multiplex group %1 of %2: %3, %n channel   Tab next group</numerusform>
            <numerusform>Multiplex group %1 of %2: %3, %n channels   Tab next group</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::StationDicom</name>
    <message numerus="yes">
        <source>PACS not reached, %n object(s) wait: %1</source>
        <translation>
            <numerusform>PACS not reached, %n object waits: %1</numerusform>
            <numerusform>PACS not reached, %n objects wait: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n waiting object(s) now</source>
        <translation>
            <numerusform>Retrying %n waiting object now</numerusform>
            <numerusform>Retrying %n waiting objects now</numerusform>
        </translation>
    </message>
</context>
</TS>
