<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AlarmBar</name>
    <message>
        <source>No active alarms</source>
        <translation>Keine aktiven Alarme</translation>
    </message>
    <message>
        <source>✓ acknowledged</source>
        <translation>✓ quittiert</translation>
    </message>
    <message>
        <source>ESCALATED</source>
        <translation>ESKALIERT</translation>
    </message>
    <message>
        <source>unack.</source>
        <translation>unquitt.</translation>
    </message>
    <message>
        <source>Ack [A]</source>
        <extracomment>Acknowledge the alarm (IEC 60601-1-8: the nurse has seen it; it stops the sound, the alarm stays). [A] = keyboard key, keep it</extracomment>
        <translation>Quitt. [A]</translation>
    </message>
    <message>
        <source>Audio pause [P]</source>
        <extracomment>Silence the alarm sound for a while (audio paused, IEC 60601-1-8); the alarms stay shown. [P] = keyboard key</extracomment>
        <translation>Audiopause [P]</translation>
    </message>
    <message>
        <source>Alarms [L]</source>
        <translation>Alarme [L]</translation>
    </message>
</context>
<context>
    <name>AlarmCentre</name>
    <message>
        <source>Alarms — %1 signalling, %2 unacknowledged</source>
        <translation>Alarme — %1 aktiv, %2 nicht quittiert</translation>
    </message>
    <message>
        <source>1 update waiting</source>
        <translation>1 Aktualisierung wartet</translation>
    </message>
    <message>
        <source>%1 updates waiting</source>
        <translation>%1 Aktualisierungen warten</translation>
    </message>
    <message>
        <source> — release to refresh</source>
        <translation> — loslassen zum Aktualisieren</translation>
    </message>
    <message>
        <source>Close [Esc]</source>
        <translation>Schließen [Esc]</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Bett</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Alarmzustand</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Zentrale</translation>
    </message>
    <message>
        <source>paused</source>
        <extracomment>Alarm state: the bed&apos;s alarms are paused (not signalled at all for a while), not a pause in the ECG</extracomment>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>reset (%1)</source>
        <translation>zurückgesetzt (%1)</translation>
    </message>
    <message>
        <source> · escalated</source>
        <translation> · eskaliert</translation>
    </message>
    <message>
        <source> · ack %1</source>
        <translation> · quitt. %1</translation>
    </message>
    <message>
        <source>Ack</source>
        <extracomment>Short for acknowledge an alarm (the nurse has seen it). Narrow button</extracomment>
        <translation>Quitt.</translation>
    </message>
    <message>
        <source>Reset</source>
        <extracomment>Clear a latched alarm whose cause has ended (IEC 60601-1-8 alarm reset). Narrow button</extracomment>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>No alarms</source>
        <translation>Keine Alarme</translation>
    </message>
</context>
<context>
    <name>AlarmText</name>
    <message>
        <source>, now %1</source>
        <extracomment>Alarm numbers: the value that triggered, then the current value (&quot;85 &lt; 90, now 92&quot;).</extracomment>
        <translation>, jetzt %1</translation>
    </message>
    <message>
        <source>Station</source>
        <extracomment>Where an alarm is: the central station itself (not a bed), e.g. a gateway link down.</extracomment>
        <translation>Zentrale</translation>
    </message>
    <message>
        <source>%1 high</source>
        <extracomment>Alarm condition: a measured value above its upper alarm limit. %1 = parameter label (HR, SpO2, NIBP sys), keep it as is. Short: it is shown in the alarm bar and on the bed tile.</extracomment>
        <translation>%1 hoch</translation>
    </message>
    <message>
        <source>%1 low</source>
        <extracomment>Alarm condition: a measured value below its lower alarm limit. %1 = parameter label, keep it as is.</extracomment>
        <translation>%1 niedrig</translation>
    </message>
    <message>
        <source>%1 alarm</source>
        <extracomment>Alarm condition of a parameter without a direction. %1 = parameter label, keep it as is.</extracomment>
        <translation>%1-Alarm</translation>
    </message>
    <message>
        <source>%1: no current value</source>
        <extracomment>Technical alarm: the parameter (%1, e.g. HR) has not sent a value for too long; the number shown is stale.</extracomment>
        <translation>%1: kein aktueller Wert</translation>
    </message>
    <message>
        <source>Gateway link down</source>
        <extracomment>Technical alarm: the network link to the gateway (the bedside monitors&apos; concentrator) is down.</extracomment>
        <translation>Gateway-Verbindung unterbrochen</translation>
    </message>
    <message>
        <source>No data</source>
        <extracomment>Technical alarm: a bed&apos;s monitor sends no data at all.</extracomment>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>ECG lead off</source>
        <extracomment>Technical alarm: an ECG electrode (lead = electrode wire, not &quot;to lead&quot;) has come off the patient.</extracomment>
        <translation>EKG-Elektrode ab</translation>
    </message>
    <message>
        <source>SpO2 sensor off</source>
        <extracomment>Technical alarm: the pulse oximeter (SpO2) sensor is off the patient&apos;s finger.</extracomment>
        <translation>SpO2-Sensor ab</translation>
    </message>
    <message>
        <source>%1 sensor off</source>
        <extracomment>Technical alarm: the sensor of parameter %1 (e.g. etCO2) is off or unplugged. Keep %1 as is.</extracomment>
        <translation>%1-Sensor ab</translation>
    </message>
    <message>
        <source>Waveform gap</source>
        <extracomment>Technical alarm: the waveform (ECG, pleth curve) had a gap: samples were lost.</extracomment>
        <translation>Kurvenlücke</translation>
    </message>
    <message>
        <source>Alert manager not answering</source>
        <extracomment>Technical alarm: the alert manager (forwards alarms to nurses&apos; phones and pagers) does not answer.</extracomment>
        <translation>Alarmserver antwortet nicht</translation>
    </message>
    <message>
        <source>Archive failure</source>
        <extracomment>Technical alarm: the station cannot write its archive (recorded vital signs and alarms).</extracomment>
        <translation>Archivfehler</translation>
    </message>
    <message>
        <source>ARCHIVE: %1</source>
        <extracomment>Technical alarm, %1 = what failed (a technical message, shown as is).</extracomment>
        <translation>ARCHIV: %1</translation>
    </message>
    <message>
        <source>Gateway %1: no heartbeat for %2 s</source>
        <extracomment>Technical alarm: %1 = gateway name; it sent no heartbeat (keep-alive message) for %2 seconds.</extracomment>
        <translation>Gateway %1: kein Heartbeat seit %2 s</translation>
    </message>
    <message>
        <source>%1: link down</source>
        <extracomment>Technical alarm: %1 = gateway or source name; its link is down.</extracomment>
        <translation>%1: Verbindung unterbrochen</translation>
    </message>
    <message>
        <source>%1: link down (%2)</source>
        <extracomment>Technical alarm: %1 = gateway or source name, %2 = the reason (technical, shown as is).</extracomment>
        <translation>%1: Verbindung unterbrochen (%2)</translation>
    </message>
    <message>
        <source>%1: link down: 1 bed unwatched (%2)</source>
        <extracomment>Technical alarm: %1 = source name; one bed (%2 = its label) is no longer watched.</extracomment>
        <translation>%1: Verbindung unterbrochen: 1 Bett ohne Überwachung (%2)</translation>
    </message>
    <message>
        <source>%1: link down: %2 beds unwatched (%3)</source>
        <extracomment>Technical alarm: %1 = source name, %2 = number of beds (2 or more) no longer watched, %3 = their labels.</extracomment>
        <translation>%1: Verbindung unterbrochen: %2 Betten ohne Überwachung (%3)</translation>
    </message>
    <message>
        <source>%1: link down (%2): 1 bed unwatched (%3)</source>
        <extracomment>Technical alarm: %1 = source name, %2 = reason, one bed (%3 = its label) is no longer watched.</extracomment>
        <translation>%1: Verbindung unterbrochen (%2): 1 Bett ohne Überwachung (%3)</translation>
    </message>
    <message>
        <source>%1: link down (%2): %3 beds unwatched (%4)</source>
        <extracomment>Technical alarm: %1 = source name, %2 = reason, %3 = number of beds (2 or more), %4 = their labels.</extracomment>
        <translation>%1: Verbindung unterbrochen (%2): %3 Betten ohne Überwachung (%4)</translation>
    </message>
    <message>
        <source>Alert manager: no reply for %1 %2</source>
        <extracomment>Technical alarm: the alert manager did not confirm an alarm sent to it. %1 = bed, %2 = the alarm.</extracomment>
        <translation>Alarmserver: keine Antwort für %1 %2</translation>
    </message>
    <message>
        <source>Alert manager: delivery failed</source>
        <extracomment>Technical alarm: the alert manager could not deliver an alarm to a nurse&apos;s phone or pager.</extracomment>
        <translation>Alarmserver: Zustellung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Alert manager: delivery failed (%1)</source>
        <extracomment>Technical alarm: %1 = the alert manager&apos;s reason (technical, shown as is).</extracomment>
        <translation>Alarmserver: Zustellung fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>Alert manager: delivery failed for %1 %2</source>
        <extracomment>Technical alarm: %1 = bed, %2 = the alarm that was not delivered to the nurse&apos;s phone or pager.</extracomment>
        <translation>Alarmserver: Zustellung fehlgeschlagen für %1 %2</translation>
    </message>
    <message>
        <source>Alert manager: delivery failed for %1 %2 (%3)</source>
        <extracomment>Technical alarm: %1 = bed, %2 = the alarm not delivered, %3 = the alert manager&apos;s reason (as is).</extracomment>
        <translation>Alarmserver: Zustellung fehlgeschlagen für %1 %2 (%3)</translation>
    </message>
    <message>
        <source>NEWS2 %1: emergency response</source>
        <extracomment>Advisory alarm: NEWS2 (National Early Warning Score 2, keep the name) total %1 calls for an emergency response (the rapid response / medical emergency team).</extracomment>
        <translation>NEWS2 %1: Notfallreaktion</translation>
    </message>
    <message>
        <source>NEWS2 %1: urgent response</source>
        <extracomment>Advisory alarm: NEWS2 total %1 calls for an urgent response (urgent review by a clinician).</extracomment>
        <translation>NEWS2 %1: dringende Reaktion</translation>
    </message>
    <message>
        <source>NEWS2: a 3 in one parameter, urgent ward review</source>
        <extracomment>Advisory alarm: one NEWS2 parameter scored 3 (the maximum): an urgent review on the ward is due.</extracomment>
        <translation>NEWS2: eine 3 in einem Parameter, dringende ärztliche Beurteilung auf Station</translation>
    </message>
    <message>
        <source>Asystole (central)</source>
        <extracomment>ECG rhythm alarm found by the station&apos;s own (central) ECG analysis: asystole (no heart activity).</extracomment>
        <translation>Asystolie (zentral)</translation>
    </message>
    <message>
        <source>Pause (central)</source>
        <extracomment>ECG rhythm alarm of the central analysis: a pause = a long gap between heart beats (not &quot;pause the alarm&quot;).</extracomment>
        <translation>Pause (zentral)</translation>
    </message>
    <message>
        <source>Extreme brady (central)</source>
        <extracomment>ECG rhythm alarm of the central analysis: extreme bradycardia (very slow heart rate).</extracomment>
        <translation>Extreme Bradykardie (zentral)</translation>
    </message>
    <message>
        <source>Extreme tachy (central)</source>
        <extracomment>ECG rhythm alarm of the central analysis: extreme tachycardia (very fast heart rate).</extracomment>
        <translation>Extreme Tachykardie (zentral)</translation>
    </message>
    <message>
        <source>Extreme brady (central) HR %1</source>
        <extracomment>ECG rhythm alarm with the heart rate %1 (beats per minute): extreme bradycardia.</extracomment>
        <translation>Extreme Bradykardie (zentral) HR %1</translation>
    </message>
    <message>
        <source>Extreme tachy (central) HR %1</source>
        <extracomment>ECG rhythm alarm with the heart rate %1 (beats per minute): extreme tachycardia.</extracomment>
        <translation>Extreme Tachykardie (zentral) HR %1</translation>
    </message>
    <message>
        <source>ECG noisy: central analysis suspended</source>
        <extracomment>Technical alarm: the ECG is too noisy (artefacts) for the station&apos;s own rhythm analysis, which stops.</extracomment>
        <translation>EKG gestört: zentrale Analyse ausgesetzt</translation>
    </message>
    <message>
        <source>Patient identity mismatch: monitor %1, admitted %2</source>
        <extracomment>Technical alarm: the bedside monitor&apos;s patient (%1 = its patient ID) differs from the patient admitted to the bed (%2 = the admitted patient&apos;s ID, MRN).</extracomment>
        <translation>Patientenidentität abweichend: Monitor %1, aufgenommen %2</translation>
    </message>
    <message>
        <source>Patient identity mismatch</source>
        <extracomment>Technical alarm: the bedside monitor&apos;s patient differs from the patient admitted to the bed.</extracomment>
        <translation>Patientenidentität abweichend</translation>
    </message>
    <message>
        <source>VFib (central)</source>
        <extracomment>ECG rhythm alarm of the central analysis: ventricular fibrillation (VF).</extracomment>
        <translation>Kammerflimmern (zentral)</translation>
    </message>
    <message>
        <source>VTach (central)</source>
        <extracomment>ECG rhythm alarm of the central analysis: ventricular tachycardia (VT).</extracomment>
        <translation>VT (zentral)</translation>
    </message>
    <message>
        <source>VTach (central) HR %1</source>
        <extracomment>ECG rhythm alarm with the heart rate %1 (beats per minute): ventricular tachycardia.</extracomment>
        <translation>VT (zentral) HR %1</translation>
    </message>
    <message>
        <source>HR %1 differs from ECG beats %2 (central)</source>
        <extracomment>Technical alarm: the monitor&apos;s heart rate %1 and the rate counted from the ECG beats at the central (%2) disagree.</extracomment>
        <translation>HR %1 weicht von EKG-Schlägen %2 ab (zentral)</translation>
    </message>
    <message>
        <source>Cluster unreachable: local monitoring only</source>
        <extracomment>Technical alarm: the station lost its link to the hospital&apos;s monitoring cluster (other stations&apos; beds and alarms); its own beds are still monitored.</extracomment>
        <translation>Cluster nicht erreichbar: nur lokale Überwachung</translation>
    </message>
    <message>
        <source>EHR link down</source>
        <extracomment>Technical alarm: charting messages for the electronic health record (EHR) cannot be delivered.</extracomment>
        <translation>EHR-Verbindung unterbrochen</translation>
    </message>
    <message>
        <source>EHR link down: %1 charting message(s) waiting</source>
        <extracomment>Technical alarm: charting messages for the EHR cannot be delivered; %1 of them wait to be sent.</extracomment>
        <translation>EHR-Verbindung unterbrochen: %1 Dokumentationsnachricht(en) warten</translation>
    </message>
</context>
<context>
    <name>BedActions</name>
    <message>
        <source>Acknowledge bed [A]</source>
        <translation>Bett quittieren [A]</translation>
    </message>
    <message>
        <source>Resume alarms (paused %1)</source>
        <extracomment>The bed&apos;s alarms are paused (alarm paused, IEC 60601-1-8: not signalled) for %1 more (mm:ss); press to turn them back on</extracomment>
        <translation>Alarme fortsetzen (pausiert %1)</translation>
    </message>
    <message>
        <source>Pause bed alarms</source>
        <extracomment>Turn this bed&apos;s alarms off for a few minutes (alarm paused: e.g. while washing the patient), not a pause in the ECG</extracomment>
        <translation>Bettalarme pausieren</translation>
    </message>
    <message>
        <source>Reset latched</source>
        <extracomment>Clear this bed&apos;s latched alarms (alarms that stay on after their cause ended until a nurse resets them)</extracomment>
        <translation>Gehaltene zurücksetzen</translation>
    </message>
    <message>
        <source>Alarm limits…</source>
        <extracomment>Opens the bed&apos;s alarm limits (upper and lower thresholds of each vital sign)</extracomment>
        <translation>Alarmgrenzen…</translation>
    </message>
    <message>
        <source>  (custom)</source>
        <translation>  (angepasst)</translation>
    </message>
    <message>
        <source>Handover…</source>
        <extracomment>Opens the shift handover notes of this patient (nurse-to-nurse report at shift change)</extracomment>
        <translation>Übergabe…</translation>
    </message>
    <message>
        <source>Print… [Ctrl+P]</source>
        <translation>Drucken… [Strg+P]</translation>
    </message>
    <message>
        <source>Handover (shift report)</source>
        <translation>Übergabe (Schichtbericht)</translation>
    </message>
    <message>
        <source>Alarm strip (last 20 s)</source>
        <extracomment>Print a strip: a paper recording of the waveforms (ECG) of the last 20 seconds</extracomment>
        <translation>Alarmstreifen (letzte 20 s)</translation>
    </message>
    <message>
        <source>Event list</source>
        <extracomment>Print the list of the bed&apos;s alarms and events</extracomment>
        <translation>Ereignisliste</translation>
    </message>
    <message>
        <source>Patient…</source>
        <extracomment>Opens the bed&apos;s patient: admit, edit, transfer, discharge</extracomment>
        <translation>Patient…</translation>
    </message>
    <message>
        <source>Admit…</source>
        <translation>Aufnehmen…</translation>
    </message>
    <message>
        <source>Validate vitals…</source>
        <extracomment>Opens the vital signs to check and chart into the patient&apos;s record (EHR) as validated</extracomment>
        <translation>Vitalwerte validieren…</translation>
    </message>
</context>
<context>
    <name>BedDetail</name>
    <message>
        <source>◀  Ward  (Esc)</source>
        <translation>◀  Station  (Esc)</translation>
    </message>
    <message>
        <source>Review  [R]</source>
        <extracomment>Opens the review of the bed&apos;s recorded history (full disclosure: waveforms, trends, alarms), not a clinical review. [R] = keyboard key</extracomment>
        <translation>Rückschau  [R]</translation>
    </message>
    <message>
        <source>No patient</source>
        <translation>Kein Patient</translation>
    </message>
    <message>
        <source>ALARMS PAUSED</source>
        <translation>ALARME PAUSIERT</translation>
    </message>
    <message>
        <source>NO DATA</source>
        <translation>KEINE DATEN</translation>
    </message>
</context>
<context>
    <name>BedReview</name>
    <message>
        <source>◀  Back  (Esc)</source>
        <translation>◀  Zurück  (Esc)</translation>
    </message>
    <message>
        <source>Review  ·  %1</source>
        <extracomment>Title of the history review of bed %1 (recorded waveforms, trends, alarms)</extracomment>
        <translation>Rückschau  ·  %1</translation>
    </message>
    <message>
        <source>Trends</source>
        <extracomment>Tab: graphs of the vital signs over hours (trend view)</extracomment>
        <translation>Trends</translation>
    </message>
    <message>
        <source>Full disclosure</source>
        <translation>Full Disclosure</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Alarm strip of this moment</source>
        <extracomment>Print a strip: a paper recording of the waveforms (ECG) around the moment shown</extracomment>
        <translation>Alarmstreifen dieses Zeitpunkts</translation>
    </message>
    <message>
        <source>Full disclosure of the shown range</source>
        <translation>Full Disclosure des gezeigten Bereichs</translation>
    </message>
    <message>
        <source>Loading %1 %</source>
        <translation>Lädt %1 %</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lädt…</translation>
    </message>
    <message>
        <source>No archive available</source>
        <translation>Kein Archiv verfügbar</translation>
    </message>
    <message>
        <source>This station is not keeping an archive, so the history of %1 cannot be reviewed. Live monitoring is not affected.</source>
        <translation>Diese Zentrale führt kein Archiv, daher kann der Verlauf von %1 nicht angezeigt werden. Die Live-Überwachung ist nicht betroffen.</translation>
    </message>
    <message>
        <source>Archive: %1</source>
        <translation>Archiv: %1</translation>
    </message>
</context>
<context>
    <name>BedTile</name>
    <message>
        <source>No patient</source>
        <translation>Kein Patient</translation>
    </message>
    <message>
        <source>CUSTOM LIMITS</source>
        <translation>EIGENE GRENZEN</translation>
    </message>
    <message>
        <source>LIM*</source>
        <translation>GRZ*</translation>
    </message>
    <message>
        <source>  ESCALATED</source>
        <translation>  ESKALIERT</translation>
    </message>
    <message>
        <source>ALARMS PAUSED</source>
        <translation>ALARME PAUSIERT</translation>
    </message>
    <message>
        <source>NO DATA</source>
        <translation>KEINE DATEN</translation>
    </message>
    <message>
        <source>Remote · %1</source>
        <extracomment>Marks a bed monitored by another central station (shown here through the hospital cluster); %1 is that station&apos;s name.</extracomment>
        <translation>Extern · %1</translation>
    </message>
</context>
<context>
    <name>Census</name>
    <message>
        <source>no such pending conflict</source>
        <translation>kein solcher offener Konflikt</translation>
    </message>
</context>
<context>
    <name>DicomStatusChip</name>
    <message>
        <source>PACS</source>
        <extracomment>The hospital&apos;s picture archive (DICOM node); keep &quot;PACS&quot; as is in most languages</extracomment>
        <translation>PACS</translation>
    </message>
    <message>
        <source>  %1 waiting</source>
        <translation>  %1 wartend</translation>
    </message>
    <message>
        <source>DICOM node: %1</source>
        <translation>DICOM-Knoten: %1</translation>
    </message>
    <message>
        <source>%1 waiting to be sent, %2 being built</source>
        <translation>%1 warten auf Versand, %2 in Erstellung</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Prüfe…</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Refused by the node, kept in the queue:</source>
        <extracomment>Objects the hospital&apos;s DICOM node (PACS) refused; they stay in the send queue, listed below with the node&apos;s reason.</extracomment>
        <translation>Vom Knoten abgelehnt, bleibt in der Warteschlange:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A refused DICOM object: %1 its name, %2 the node&apos;s reason</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Confirm discard</source>
        <extracomment>Take an object the PACS refused out of the send queue for good (it is never sent)</extracomment>
        <translation>Verwerfen bestätigen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Retry now</source>
        <extracomment>Send the objects waiting for the PACS now instead of at their next retry</extracomment>
        <translation>Jetzt erneut senden</translation>
    </message>
</context>
<context>
    <name>DicomView</name>
    <message numerus="yes">
        <source>%1  %2  —  %3, acquired %4  —  %n channel(s)</source>
        <extracomment>The DICOM viewer&apos;s header: what the file is and who it belongs to. %1 patient, %2 patient id, %3 the kind of object (12-lead ECG...), %4 acquisition time, %n number of channels.</extracomment>
        <translation>
            <numerusform>%1  %2  —  %3, aufgezeichnet %4  —  %n Kanal</numerusform>
            <numerusform>%1  %2  —  %3, aufgezeichnet %4  —  %n Kanäle</numerusform>
        </translation>
    </message>
    <message>
        <source>Odd in this file: %1</source>
        <translation>Auffälligkeiten in dieser Datei: %1</translation>
    </message>
</context>
<context>
    <name>DicomViewer</name>
    <message>
        <source>← → 10 s   Page Up / Page Down 1 min   Home start   Esc close</source>
        <translation>← → 10 s   Bild auf / Bild ab 1 min   Pos1 Anfang   Esc schließen</translation>
    </message>
    <message numerus="yes">
        <source>Multiplex group %1 of %2: %3, %n channel(s)   Tab next group</source>
        <translation>
            <numerusform>Multiplex-Gruppe %1 von %2: %3, %n Kanal   Tab nächste Gruppe</numerusform>
            <numerusform>Multiplex-Gruppe %1 von %2: %3, %n Kanäle   Tab nächste Gruppe</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoverPanel</name>
    <message>
        <source>Handover (I-PASS)</source>
        <extracomment>Shift handover report (nurse to nurse); I-PASS is the name of the handover method, keep it</extracomment>
        <translation>Übergabe (I-PASS)</translation>
    </message>
    <message>
        <source>Illness severity</source>
        <translation>Schweregrad der Erkrankung</translation>
    </message>
    <message>
        <source>Action list and notes</source>
        <translation>Aufgaben und Notizen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>LimitsPanel</name>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Restoring defaults is not available in this station version</source>
        <translation>Das Wiederherstellen der Standardwerte ist in dieser Version nicht verfügbar</translation>
    </message>
    <message>
        <source>Alarm limits — %1</source>
        <extracomment>Title: the alarm limits (upper and lower thresholds) of bed %1</extracomment>
        <translation>Alarmgrenzen — %1</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Standardwerte</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Low limit</source>
        <translation>Untere Grenze</translation>
    </message>
    <message>
        <source>High limit</source>
        <translation>Obere Grenze</translation>
    </message>
    <message>
        <source>set at bedside monitor</source>
        <translation>am Bettmonitor eingestellt</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>angepasst</translation>
    </message>
    <message>
        <source>ward default</source>
        <translation>Stationsstandard</translation>
    </message>
    <message>
        <source>Apply these limit changes?</source>
        <translation>Diese Grenzänderungen übernehmen?</translation>
    </message>
    <message>
        <source>Restore the ward&apos;s default limits for this bed? Limits set at the bedside monitor stay as they are.</source>
        <translation>Die Standardgrenzen der Station für dieses Bett wiederherstellen? Am Bettmonitor eingestellte Grenzen bleiben unverändert.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Apply changes…</source>
        <translation>Übernehmen…</translation>
    </message>
    <message>
        <source>Apply 1 change…</source>
        <translation>1 Änderung übernehmen…</translation>
    </message>
    <message>
        <source>Apply %1 changes…</source>
        <translation>%1 Änderungen übernehmen…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Confirm: restore defaults</source>
        <translation>Bestätigen: Standardwerte</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>ARCHIVE: %1 — live monitoring continues; call biomed</source>
        <translation>ARCHIV: %1 — Live-Überwachung läuft weiter; Medizintechnik rufen</translation>
    </message>
    <message>
        <source>WAVEFORMS UNAVAILABLE: no OpenGL renderer on this PC. Numerics are live; call biomed.</source>
        <translation>KURVEN NICHT VERFÜGBAR: kein OpenGL-Renderer auf diesem PC. Messwerte sind live; Medizintechnik rufen.</translation>
    </message>
</context>
<context>
    <name>NewsBadge</name>
    <message>
        <source>NEWS %1%2</source>
        <translation>NEWS %1%2</translation>
    </message>
    <message>
        <source>NEWS2 %1 %2</source>
        <translation>NEWS2 %1 %2</translation>
    </message>
    <message>
        <source>NEWS ?</source>
        <translation>NEWS ?</translation>
    </message>
    <message>
        <source>NEWS2 incomplete</source>
        <translation>NEWS2 unvollständig</translation>
    </message>
</context>
<context>
    <name>NewsPanel</name>
    <message>
        <source>NEWS2: no inputs yet</source>
        <translation>NEWS2: noch keine Eingaben</translation>
    </message>
    <message>
        <source>NEWS2 %1 %2  %3</source>
        <translation>NEWS2 %1 %2  %3</translation>
    </message>
    <message>
        <source>NEWS2 incomplete (≥%1): %2</source>
        <translation>NEWS2 unvollständig (≥%1): %2</translation>
    </message>
    <message>
        <source>Deteriorating: %1</source>
        <translation>Verschlechterung: %1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>STALE </source>
        <translation>VERALTET </translation>
    </message>
    <message>
        <source>Air</source>
        <translation>Raumluft</translation>
    </message>
    <message>
        <source>O₂</source>
        <translation>O₂</translation>
    </message>
    <message>
        <source>SpO₂ scale 2 (%1) → scale 1</source>
        <translation>SpO₂ Skala 2 (%1) → Skala 1</translation>
    </message>
    <message>
        <source>SpO₂ scale 2…</source>
        <translation>SpO₂ Skala 2…</translation>
    </message>
    <message>
        <source>Resp rate</source>
        <extracomment>Respiration rate (breaths per minute), a NEWS2 parameter. Short: a narrow column</extracomment>
        <translation>Atemfreq.</translation>
    </message>
    <message>
        <source>Sys BP</source>
        <translation>Syst. RR</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>Puls</translation>
    </message>
    <message>
        <source>Temp</source>
        <translation>Temp.</translation>
    </message>
    <message>
        <source>SpO₂</source>
        <translation>SpO₂</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingeben</translation>
    </message>
    <message>
        <source>Type a number</source>
        <translation>Zahl eingeben</translation>
    </message>
</context>
<context>
    <name>NumericBox</name>
    <message>
        <source>old %1</source>
        <translation>alt %1</translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <source>The medical record number is required.</source>
        <translation>Die Patientennummer (MRN) ist erforderlich.</translation>
    </message>
    <message>
        <source>Date of birth as YYYY-MM-DD.</source>
        <translation>Geburtsdatum als JJJJ-MM-TT.</translation>
    </message>
    <message>
        <source>Patient — %1</source>
        <extracomment>Title of the patient panel; %1 is the bed&apos;s label</extracomment>
        <translation>Patient — %1</translation>
    </message>
    <message>
        <source>Admit a patient — %1</source>
        <translation>Patient aufnehmen — %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <extracomment>Where the stay came from: adt (hospital system), manual (typed here) or unadmitted (data only)</extracomment>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <source>Identity mismatch: the monitor reports %1 (%2), the bed&apos;s stay is %3 (%4).</source>
        <extracomment>Technical condition: the monitor reports another patient than the one admitted to the bed</extracomment>
        <translation>Identitätskonflikt: Der Monitor meldet %1 (%2), der Aufenthalt des Betts ist %3 (%4).</translation>
    </message>
    <message>
        <source>Use the monitor&apos;s patient</source>
        <translation>Patient des Monitors übernehmen</translation>
    </message>
    <message>
        <source>Keep the admitted patient</source>
        <translation>Aufgenommenen Patienten behalten</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <extracomment>Date of birth; the patient&apos;s age sets the alarm defaults (adult, paediatric, neonatal)</extracomment>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <source>other</source>
        <translation>divers</translation>
    </message>
    <message>
        <source>undisclosed</source>
        <translation>keine Angabe</translation>
    </message>
    <message>
        <source>Attending</source>
        <translation>Behandelnder Arzt</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergien</translation>
    </message>
    <message>
        <source>A changed date of birth can change the alarm defaults of this bed (adult, paediatric, neonatal).</source>
        <translation>Ein geändertes Geburtsdatum kann die Standard-Alarmeinstellungen dieses Betts ändern (Erwachsene, Kinder, Neugeborene).</translation>
    </message>
    <message>
        <source>Transfer to</source>
        <extracomment>Move the admitted patient to another bed (transfer)</extracomment>
        <translation>Verlegen nach</translation>
    </message>
    <message>
        <source>Transfer</source>
        <extracomment>Button: move the admitted patient to the bed chosen (transfer)</extracomment>
        <translation>Verlegen</translation>
    </message>
    <message>
        <source>Save</source>
        <extracomment>Button: admit the patient to this bed (start the stay)</extracomment>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Admit</source>
        <translation>Aufnehmen</translation>
    </message>
    <message>
        <source>Confirm discharge</source>
        <extracomment>Button: the patient leaves the ward (discharge; ends the stay)</extracomment>
        <translation>Entlassung bestätigen</translation>
    </message>
    <message>
        <source>Discharge…</source>
        <translation>Entlassen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Discharge ends the stay; its data stays in the archive and the bed&apos;s alarms return to the defaults.</source>
        <translation>Die Entlassung beendet den Aufenthalt; seine Daten bleiben im Archiv und die Alarme des Betts kehren zu den Standardeinstellungen zurück.</translation>
    </message>
    <message>
        <source>Find a patient…</source>
        <extracomment>Opens the search for current and discharged stays by MRN or name</extracomment>
        <translation>Patient suchen…</translation>
    </message>
</context>
<context>
    <name>PrintMenuButton</name>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Queued for the printer (%1)</source>
        <translation>Zum Drucker geschickt (%1)</translation>
    </message>
    <message>
        <source>No printer is configured on this station: use PDF</source>
        <translation>An dieser Zentrale ist kein Drucker eingerichtet: PDF verwenden</translation>
    </message>
    <message>
        <source>PDF: %1</source>
        <translation>PDF: %1</translation>
    </message>
    <message>
        <source>PDF export is not available on this station</source>
        <translation>PDF-Export ist an dieser Zentrale nicht verfügbar</translation>
    </message>
    <message>
        <source>◀ Prev</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Building report… %1 %</source>
        <translation>Bericht wird erstellt… %1 %</translation>
    </message>
    <message>
        <source>← → or swipe: turn pages    Printer: %1</source>
        <translation>← → oder wischen: blättern    Drucker: %1</translation>
    </message>
    <message>
        <source>Building for PACS (%1): the result shows here and on the PACS chip</source>
        <translation>Wird für PACS erstellt (%1): das Ergebnis erscheint hier und in der PACS-Anzeige</translation>
    </message>
    <message>
        <source>Send to PACS</source>
        <extracomment>Send the shown strip, range or report to the hospital&apos;s picture archive (DICOM)</extracomment>
        <translation>An PACS senden</translation>
    </message>
</context>
<context>
    <name>PrintStatusChip</name>
    <message>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <source>Printer ⚠</source>
        <translation>Drucker ⚠</translation>
    </message>
    <message>
        <source>PDF only</source>
        <translation>Nur PDF</translation>
    </message>
    <message>
        <source>  %1 queued</source>
        <translation>  %1 wartend</translation>
    </message>
    <message>
        <source>  %1 failed</source>
        <translation>  %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Printer: %1</source>
        <translation>Drucker: %1</translation>
    </message>
    <message>
        <source>%1 waiting, %2 failed</source>
        <translation>%1 wartend, %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Last failure: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>Ward shift summary</source>
        <translation>Schichtübersicht der Station</translation>
    </message>
    <message>
        <source>Ward event list</source>
        <translation>Ereignisliste der Station</translation>
    </message>
</context>
<context>
    <name>ReviewAlarms</name>
    <message>
        <source>Acknowledged %1%2</source>
        <translation>Quittiert %1%2</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <source>No alarms in the last %1 h.</source>
        <translation>Keine Alarme in den letzten %1 h.</translation>
    </message>
    <message>
        <source>No alarms in this stay.</source>
        <translation>Keine Alarme in diesem Aufenthalt.</translation>
    </message>
    <message>
        <source>Onset %1   ·   30 s before to 30 s after</source>
        <translation>Beginn %1   ·   30 s davor bis 30 s danach</translation>
    </message>
    <message>
        <source>Choose an alarm to see its waves</source>
        <translation>Alarm wählen, um seine Kurven zu sehen</translation>
    </message>
    <message>
        <source>Open in full disclosure</source>
        <translation>In Full Disclosure öffnen</translation>
    </message>
    <message>
        <source>Onset %1</source>
        <translation>Beginn %1</translation>
    </message>
    <message>
        <source>Select an alarm in the list (↑ ↓, Enter)</source>
        <translation>Alarm in der Liste wählen (↑ ↓, Enter)</translation>
    </message>
</context>
<context>
    <name>ReviewDisclosure</name>
    <message>
        <source>Type a time like 03:12 or 03:12:30</source>
        <translation>Uhrzeit eingeben, z. B. 03:12 oder 03:12:30</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Gehe zu</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Los</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Neueste</translation>
    </message>
    <message>
        <source>← →  10 s     Page Up / Page Down  1 min     G  go to a time     End  latest</source>
        <translation>← →  10 s     Bild auf / Bild ab  1 min     G  gehe zu Uhrzeit     Ende  neueste</translation>
    </message>
</context>
<context>
    <name>ReviewStrip</name>
    <message>
        <source>Loading waveforms…</source>
        <translation>Kurven werden geladen…</translation>
    </message>
    <message>
        <source>No waveforms archived between %1 and %2.</source>
        <translation>Keine Kurven zwischen %1 und %2 archiviert.</translation>
    </message>
</context>
<context>
    <name>ReviewTrends</name>
    <message>
        <source>Stay</source>
        <extracomment>Range: the whole hospital stay of the patient in this bed (since admission)</extracomment>
        <translation>Aufenthalt</translation>
    </message>
    <message>
        <source>Whole range</source>
        <translation>Gesamter Bereich</translation>
    </message>
    <message>
        <source>Waves at %1  [W]</source>
        <translation>Kurven um %1  [W]</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Loading trends…</source>
        <translation>Trends werden geladen…</translation>
    </message>
    <message>
        <source>No trends archived for this bed in the last %1 h.</source>
        <translation>Keine Trends für dieses Bett in den letzten %1 h archiviert.</translation>
    </message>
    <message>
        <source>No trends archived for this stay.</source>
        <translation>Keine Trends für diesen Aufenthalt archiviert.</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <source>New station: create the first administrator</source>
        <translation>Neue Zentrale: ersten Administrator anlegen</translation>
    </message>
    <message>
        <source>Enrol an authenticator for %1</source>
        <translation>Authenticator für %1 einrichten</translation>
    </message>
    <message>
        <source>Controls locked — sign in to unlock</source>
        <translation>Bedienung gesperrt — zum Entsperren anmelden</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Angemeldet: %1 (%2)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password (8 characters or more)</source>
        <translation>Passwort (mind. 8 Zeichen)</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Administrator anlegen</translation>
    </message>
    <message>
        <source>6-digit code from the app</source>
        <translation>6-stelliger Code aus der App</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Badge + PIN</source>
        <extracomment>Sign in with a staff badge (card) and a PIN</extracomment>
        <translation>Ausweis + PIN</translation>
    </message>
    <message>
        <source>Badge (scan or type)</source>
        <translation>Ausweis (scannen oder eingeben)</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Einmalcode</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Prüfe…</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Jetzt sperren</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Locks after %1 min without input. Alarms always show and sound.</source>
        <translation>Sperrt nach %1 min ohne Eingabe. Alarme werden immer angezeigt und ertönen.</translation>
    </message>
    <message>
        <source>Manage users…</source>
        <translation>Benutzer verwalten…</translation>
    </message>
</context>
<context>
    <name>SourceChip</name>
    <message>
        <source>INSECURE</source>
        <translation>UNSICHER</translation>
    </message>
    <message>
        <source>Address: %1%2</source>
        <translation>Adresse: %1%2</translation>
    </message>
    <message>
        <source> (TLS)</source>
        <translation> (TLS)</translation>
    </message>
    <message>
        <source> (plaintext)</source>
        <translation> (unverschlüsselt)</translation>
    </message>
    <message>
        <source>State: %1 since %2</source>
        <translation>Status: %1 seit %2</translation>
    </message>
    <message>
        <source>Messages: %1   Errors: %2   Resent: %3</source>
        <translation>Nachrichten: %1   Fehler: %2   Wiederholt: %3</translation>
    </message>
    <message>
        <source>Last message: %1</source>
        <translation>Letzte Nachricht: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
</context>
<context>
    <name>StaySearch</name>
    <message>
        <source>Find a patient</source>
        <translation>Patient suchen</translation>
    </message>
    <message>
        <source>MRN or name</source>
        <extracomment>Search field: a medical record number or part of a patient&apos;s name</extracomment>
        <translation>MRN oder Name</translation>
    </message>
    <message>
        <source>No stay found for “%1”.</source>
        <translation>Kein Aufenthalt für „%1“ gefunden.</translation>
    </message>
    <message>
        <source>%1  ·  MRN %2  ·  born %3</source>
        <extracomment>One search result: patient name, MRN and date of birth</extracomment>
        <translation>%1  ·  MRN %2  ·  geb. %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Bed %1, admitted %2, in the bed now</source>
        <extracomment>A current stay: bed and admission time</extracomment>
        <translation>Bett %1, aufgenommen %2, liegt jetzt hier</translation>
    </message>
    <message>
        <source>Bed %1, %2 to %3 (discharged)</source>
        <extracomment>A past stay: bed, admission and discharge times</extracomment>
        <translation>Bett %1, %2 bis %3 (entlassen)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Rückschau</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>HIGH</source>
        <translation>HOCH</translation>
    </message>
    <message>
        <source>MED</source>
        <translation>MITTEL</translation>
    </message>
    <message>
        <source>LOW</source>
        <translation>NIEDRIG</translation>
    </message>
    <message>
        <source>NEO</source>
        <translation>NEO</translation>
    </message>
    <message>
        <source>PAED</source>
        <translation>PÄD</translation>
    </message>
    <message>
        <source>ADULT</source>
        <translation>ERW</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>AUDIO PAUSED [P]</source>
        <translation>AUDIO PAUSIERT [P]</translation>
    </message>
    <message>
        <source>%1 gateways</source>
        <translation>%1 Gateways</translation>
    </message>
    <message>
        <source>%1 down</source>
        <translation>%1 ausgefallen</translation>
    </message>
</context>
<context>
    <name>UserAdminPanel</name>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>2FA</source>
        <translation>2FA</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Ausweis</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>No users</source>
        <translation>Keine Benutzer</translation>
    </message>
    <message>
        <source>User management is not available on this station.</source>
        <translation>Die Benutzerverwaltung ist an dieser Zentrale nicht verfügbar.</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>Neuen Benutzer anlegen</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Initial password (8 characters or more)</source>
        <translation>Erstpasswort (mind. 8 Zeichen)</translation>
    </message>
    <message>
        <source>Badge (optional)</source>
        <translation>Ausweis (optional)</translation>
    </message>
    <message>
        <source>PIN for the badge</source>
        <translation>PIN für den Ausweis</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Benutzer anlegen</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>Select a user in the list</source>
        <translation>Benutzer in der Liste auswählen</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Re-enrol 2FA</source>
        <translation>2FA neu einrichten</translation>
    </message>
    <message>
        <source>Enrol 2FA</source>
        <translation>2FA einrichten</translation>
    </message>
    <message>
        <source>Remove 2FA</source>
        <translation>2FA entfernen</translation>
    </message>
    <message>
        <source>New password (8 characters or more)</source>
        <translation>Neues Passwort (mind. 8 Zeichen)</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Passwort zurücksetzen</translation>
    </message>
    <message>
        <source>6-digit code from the app</source>
        <translation>6-stelliger Code aus der App</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Wird ausgeführt…</translation>
    </message>
    <message>
        <source>Delete user…</source>
        <translation>Benutzer löschen…</translation>
    </message>
    <message>
        <source>Delete %1? They can no longer sign in; their audit records stay.</source>
        <translation>%1 löschen? Die Anmeldung ist dann nicht mehr möglich; die Audit-Einträge bleiben.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>This is your own account: another administrator deletes it or changes its role.</source>
        <translation>Dies ist Ihr eigenes Konto: Löschen oder Rollenwechsel übernimmt ein anderer Administrator.</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Rolle ändern</translation>
    </message>
    <message>
        <source>Display name (optional)</source>
        <translation>Anzeigename (optional)</translation>
    </message>
    <message>
        <source>Change display name</source>
        <translation>Anzeigename ändern</translation>
    </message>
</context>
<context>
    <name>UserChip</name>
    <message>
        <source>🔒 LOCKED</source>
        <translation>🔒 GESPERRT</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Viewer</source>
        <extracomment>The role shown under the user&apos;s name; &quot;Viewer&quot; when nobody is signed in</extracomment>
        <translation>Betrachter</translation>
    </message>
</context>
<context>
    <name>VitalsPanel</name>
    <message>
        <source>%1: not a number</source>
        <translation>%1: keine Zahl</translation>
    </message>
    <message>
        <source>No current vitals on this bed.</source>
        <translation>Keine aktuellen Vitalwerte an diesem Bett.</translation>
    </message>
    <message>
        <source>Validate vitals for the EHR — %1</source>
        <extracomment>Title; %1 is the bed&apos;s label. Validated vitals go to the electronic health record</extracomment>
        <translation>Vitalwerte für die EHR validieren — %1</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <extracomment>Why the nurse corrected the measured value</extracomment>
        <translation>Grund der Korrektur</translation>
    </message>
    <message>
        <source>Validate and chart</source>
        <extracomment>Confirm the vital signs and send them to the patient&apos;s record (EHR charting)</extracomment>
        <translation>Validieren und dokumentieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>WardOverview</name>
    <message>
        <source>Waiting for data from the ward&apos;s gateways…</source>
        <translation>Warte auf Daten von den Gateways der Station…</translation>
    </message>
</context>
<context>
    <name>vigil::AdtWiring</name>
    <message>
        <source>no EHR link configured</source>
        <translation>keine EHR-Verbindung konfiguriert</translation>
    </message>
    <message>
        <source>the bed has no admitted patient to chart for</source>
        <translation>das Bett hat keinen aufgenommenen Patienten, für den dokumentiert werden kann</translation>
    </message>
    <message>
        <source>the charting queue could not store the message</source>
        <translation>die Dokumentations-Warteschlange konnte die Nachricht nicht speichern</translation>
    </message>
</context>
<context>
    <name>vigil::ClusterWiring</name>
    <message>
        <source>connecting</source>
        <translation>verbinde</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 an %2</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>unbekannter Benutzer</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>cluster unreachable</source>
        <translation>Cluster nicht erreichbar</translation>
    </message>
    <message>
        <source> · active for %1</source>
        <extracomment>Cluster status of a station that is one of a redundant pair for its unit, and now the one that publishes the unit.</extracomment>
        <translation> · aktiv für %1</translation>
    </message>
    <message>
        <source> · standby for %1 (active: %2)</source>
        <extracomment>Cluster status of the standby station of a redundant pair; %2 is the active station.</extracomment>
        <translation> · Standby für %1 (aktiv: %2)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>vigil::DicomState</name>
    <message>
        <source>No DICOM node is configured on this station</source>
        <translation>An dieser Zentrale ist kein DICOM-Knoten konfiguriert</translation>
    </message>
</context>
<context>
    <name>vigil::RunMarker</name>
    <message>
        <source>Restarted at %1 after an unexpected stop</source>
        <extracomment>Shown on the station after it was restarted automatically (crash, power cut). %1 is the time.</extracomment>
        <translation>Neustart um %1 nach unerwartetem Ende</translation>
    </message>
</context>
<context>
    <name>vigil::Station</name>
    <message>
        <source>Deteriorating: %1</source>
        <translation>Verschlechterung: %1</translation>
    </message>
</context>
<context>
    <name>vigil::StationDicom</name>
    <message>
        <source>Sent to PACS: %1</source>
        <translation>An PACS gesendet: %1</translation>
    </message>
    <message>
        <source>PACS refused %1: %2</source>
        <translation>PACS hat %1 abgelehnt: %2</translation>
    </message>
    <message numerus="yes">
        <source>PACS not reached, %n object(s) wait: %1</source>
        <translation>
            <numerusform>PACS nicht erreicht, %n Objekt wartet: %1</numerusform>
            <numerusform>PACS nicht erreicht, %n Objekte warten: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown report &apos;%1&apos;</source>
        <translation>Unbekannter Bericht „%1“</translation>
    </message>
    <message>
        <source>Choose a bed first</source>
        <translation>Zuerst ein Bett wählen</translation>
    </message>
    <message>
        <source>Choose a time range first</source>
        <translation>Zuerst einen Zeitraum wählen</translation>
    </message>
    <message>
        <source>Reports need the archive</source>
        <translation>Berichte benötigen das Archiv</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Already queued or sent: %1</source>
        <translation>Bereits eingereiht oder gesendet: %1</translation>
    </message>
    <message>
        <source>Queued for PACS: %1</source>
        <translation>Für PACS eingereiht: %1</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Prüfe %1…</translation>
    </message>
    <message>
        <source>%1 answered C-ECHO in %2 ms</source>
        <translation>%1 hat C-ECHO in %2 ms beantwortet</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>PACS refused %1, kept in the queue: %2</source>
        <translation>PACS hat %1 abgelehnt, bleibt in der Warteschlange: %2</translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n waiting object(s) now</source>
        <translation>
            <numerusform>%n wartendes Objekt wird jetzt erneut gesendet</numerusform>
            <numerusform>%n wartende Objekte werden jetzt erneut gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>This object is not waiting in the queue as refused</source>
        <translation>Dieses Objekt wartet nicht als abgelehnt in der Warteschlange</translation>
    </message>
    <message>
        <source>Discarded %1; it will not be sent</source>
        <translation>%1 verworfen; es wird nicht gesendet</translation>
    </message>
    <message>
        <source>Not discarded: %1</source>
        <translation>Nicht verworfen: %1</translation>
    </message>
</context>
<context>
    <name>vigil::alarms::AlarmListModel</name>
    <message>
        <source>active</source>
        <extracomment>Alarm state: the alarm condition is present now</extracomment>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>latched</source>
        <extracomment>Alarm state: the condition has ended but the alarm stays on until a nurse resets it (latching alarm)</extracomment>
        <translation>gehalten</translation>
    </message>
    <message>
        <source>ended</source>
        <extracomment>Alarm state: the alarm condition has ended</extracomment>
        <translation>beendet</translation>
    </message>
    <message>
        <source>sending</source>
        <extracomment>Alarm sent to the alert manager (nurses&apos; phones/pagers), no answer yet</extracomment>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>delivered</source>
        <extracomment>The alert manager delivered the alarm to a nurse&apos;s phone or pager</extracomment>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>read</source>
        <extracomment>The nurse opened the alarm message on the phone</extracomment>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>accepted</source>
        <extracomment>A nurse accepted (took over) the alarm on the phone</extracomment>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>not delivered</source>
        <extracomment>The alert manager could not deliver the alarm to a phone or pager</extracomment>
        <translation>nicht zugestellt</translation>
    </message>
</context>
<context>
    <name>vigil::census::Census</name>
    <message>
        <source>no census at this station</source>
        <translation>keine Bettenbelegung an dieser Zentrale</translation>
    </message>
    <message>
        <source>no identity mismatch on this bed</source>
        <translation>kein Identitätskonflikt an diesem Bett</translation>
    </message>
    <message>
        <source>bed has no stay</source>
        <translation>Bett hat keinen Aufenthalt</translation>
    </message>
    <message>
        <source>a corrected value needs a reason</source>
        <translation>ein korrigierter Wert braucht einen Grund</translation>
    </message>
    <message>
        <source>no vitals to chart</source>
        <translation>keine Vitalwerte zu dokumentieren</translation>
    </message>
</context>
<context>
    <name>vigil::census::CensusState</name>
    <message>
        <source>bed outside the station&apos;s units</source>
        <translation>Bett außerhalb der Stationen dieser Zentrale</translation>
    </message>
    <message>
        <source>transfer outside the station&apos;s units</source>
        <translation>Verlegung außerhalb der Stationen dieser Zentrale</translation>
    </message>
    <message>
        <source>discharge outside the station&apos;s units</source>
        <translation>Entlassung außerhalb der Stationen dieser Zentrale</translation>
    </message>
    <message>
        <source>discharge of patient %1, who has no stay at this station</source>
        <translation>Entlassung von Patient %1, der keinen Aufenthalt an dieser Zentrale hat</translation>
    </message>
    <message>
        <source>update for a patient outside the station&apos;s units</source>
        <translation>Aktualisierung für einen Patienten außerhalb der Stationen dieser Zentrale</translation>
    </message>
    <message>
        <source>update for patient %1, who has no stay at this station</source>
        <translation>Aktualisierung für Patient %1, der keinen Aufenthalt an dieser Zentrale hat</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>nichts geändert</translation>
    </message>
    <message>
        <source>cancel admit outside the station&apos;s units</source>
        <translation>Stornierung der Aufnahme außerhalb der Stationen dieser Zentrale</translation>
    </message>
    <message>
        <source>cancel admit of patient %1, who has no stay at this station</source>
        <translation>Stornierung der Aufnahme von Patient %1, der keinen Aufenthalt an dieser Zentrale hat</translation>
    </message>
    <message>
        <source>cancel transfer outside the station&apos;s units</source>
        <translation>Stornierung der Verlegung außerhalb der Stationen dieser Zentrale</translation>
    </message>
    <message>
        <source>cancel transfer of patient %1, who has no stay at this station</source>
        <translation>Stornierung der Verlegung von Patient %1, der keinen Aufenthalt an dieser Zentrale hat</translation>
    </message>
    <message>
        <source>cancel transfer of patient %1: no transfer to cancel</source>
        <translation>Stornierung der Verlegung von Patient %1: keine Verlegung zu stornieren</translation>
    </message>
    <message>
        <source>cancel discharge of patient %1, who is in bed %2</source>
        <translation>Stornierung der Entlassung von Patient %1, der in Bett %2 liegt</translation>
    </message>
    <message>
        <source>cancel discharge outside the station&apos;s units</source>
        <translation>Stornierung der Entlassung außerhalb der Stationen dieser Zentrale</translation>
    </message>
    <message>
        <source>cancel discharge of patient %1: no discharge to cancel</source>
        <translation>Stornierung der Entlassung von Patient %1: keine Entlassung zu stornieren</translation>
    </message>
    <message>
        <source>cancel discharge of patient %1: bed %2 is occupied by %3</source>
        <translation>Stornierung der Entlassung von Patient %1: Bett %2 ist durch %3 belegt</translation>
    </message>
    <message>
        <source>unsupported event</source>
        <translation>nicht unterstütztes Ereignis</translation>
    </message>
    <message>
        <source>bed %1 does not exist at this station</source>
        <translation>Bett %1 existiert an dieser Zentrale nicht</translation>
    </message>
    <message>
        <source>a patient needs a medical record number</source>
        <translation>ein Patient benötigt eine Patientennummer (MRN)</translation>
    </message>
    <message>
        <source>patient %1 is already in bed %2</source>
        <translation>Patient %1 liegt bereits in Bett %2</translation>
    </message>
    <message>
        <source>already admitted to this bed</source>
        <translation>bereits in diesem Bett aufgenommen</translation>
    </message>
    <message>
        <source>bed %1 is occupied by patient %2</source>
        <translation>Bett %1 ist durch Patient %2 belegt</translation>
    </message>
    <message>
        <source>bed %1 has no stay</source>
        <translation>Bett %1 hat keinen Aufenthalt</translation>
    </message>
    <message>
        <source>bed %1 has no admitted patient</source>
        <translation>Bett %1 hat keinen aufgenommenen Patienten</translation>
    </message>
    <message>
        <source>patient %1 has no stay at this station</source>
        <translation>Patient %1 hat keinen Aufenthalt an dieser Zentrale</translation>
    </message>
    <message>
        <source>already in bed %1</source>
        <translation>bereits in Bett %1</translation>
    </message>
    <message>
        <source>swap outside the station&apos;s units</source>
        <translation>Tausch außerhalb der Stationen dieser Zentrale</translation>
    </message>
    <message>
        <source>swap without a second patient</source>
        <translation>Tausch ohne zweiten Patienten</translation>
    </message>
    <message>
        <source>swap of patients %1 and %2: %3 has no stay at this station</source>
        <translation>Tausch der Patienten %1 und %2: %3 hat keinen Aufenthalt an dieser Zentrale</translation>
    </message>
    <message>
        <source>swap of patient %1 with itself</source>
        <translation>Tausch von Patient %1 mit sich selbst</translation>
    </message>
    <message>
        <source>merge without MRG-1 (the identifier that is merged)</source>
        <translation>Zusammenführung ohne MRG-1 (die zusammengeführte Kennung)</translation>
    </message>
    <message>
        <source>merge of an identifier into itself</source>
        <translation>Zusammenführung einer Kennung mit sich selbst</translation>
    </message>
    <message>
        <source>merge of %1 into %2: both have a stay here (beds %3 and %4)</source>
        <translation>Zusammenführung von %1 in %2: beide haben hier einen Aufenthalt (Betten %3 und %4)</translation>
    </message>
    <message>
        <source>merged identifier %1 has no stay at this station</source>
        <translation>zusammengeführte Kennung %1 hat keinen Aufenthalt an dieser Zentrale</translation>
    </message>
</context>
<context>
    <name>vigil::cluster::ClusterLink</name>
    <message>
        <source>connecting</source>
        <translation>verbinde</translation>
    </message>
    <message>
        <source>cluster unreachable</source>
        <translation>Cluster nicht erreichbar</translation>
    </message>
</context>
<context>
    <name>vigil::ehr::EhrLink</name>
    <message>
        <source>no ACK from the EHR within %1 s</source>
        <translation>kein ACK von der EHR innerhalb von %1 s</translation>
    </message>
    <message>
        <source>EHR link: %1; retrying in %2 s</source>
        <translation>EHR-Verbindung: %1; neuer Versuch in %2 s</translation>
    </message>
    <message>
        <source>EHR link: %1</source>
        <translation>EHR-Verbindung: %1</translation>
    </message>
    <message>
        <source>EHR queue: cannot store %1: %2</source>
        <translation>EHR-Warteschlange: %1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>EHR queue: %1</source>
        <translation>EHR-Warteschlange: %1</translation>
    </message>
    <message>
        <source>the EHR closed the connection</source>
        <translation>die EHR hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>EHR link: connected to %1</source>
        <translation>EHR-Verbindung: verbunden mit %1</translation>
    </message>
    <message>
        <source>EHR link: %1; reconnecting in %2 s</source>
        <translation>EHR-Verbindung: %1; Neuverbindung in %2 s</translation>
    </message>
    <message>
        <source>EHR rejected %1 (%2): not sent again</source>
        <translation>EHR hat %1 abgelehnt (%2): kein erneuter Versand</translation>
    </message>
    <message>
        <source>EHR answered %1 to %2: sent again in %3 s</source>
        <translation>EHR antwortete %1 auf %2: erneuter Versand in %3 s</translation>
    </message>
</context>
<context>
    <name>vigil::scores::News2Board</name>
    <message>
        <source>No bed</source>
        <translation>Kein Bett</translation>
    </message>
    <message>
        <source>%1: %2 is not plausible</source>
        <translation>%1: %2 ist nicht plausibel</translation>
    </message>
    <message>
        <source>Unknown parameter %1</source>
        <translation>Unbekannter Parameter %1</translation>
    </message>
    <message>
        <source>ACVPU is one of A C V P U</source>
        <translation>ACVPU ist einer von A C V P U</translation>
    </message>
    <message>
        <source>Resp rate</source>
        <extracomment>NEWS2 parameter: respiration rate (breaths per minute). Short: a narrow column.</extracomment>
        <translation>AF</translation>
    </message>
    <message>
        <source>SpO2</source>
        <extracomment>NEWS2 parameter: oxygen saturation; keep the abbreviation SpO2</extracomment>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>Air/O2</source>
        <extracomment>NEWS2 parameter: is the patient breathing room air or given supplemental oxygen (O2)?</extracomment>
        <translation>Luft/O2</translation>
    </message>
    <message>
        <source>Sys BP</source>
        <extracomment>NEWS2 parameter: systolic blood pressure. Short: a narrow column.</extracomment>
        <translation>RR sys</translation>
    </message>
    <message>
        <source>Pulse</source>
        <extracomment>NEWS2 parameter: pulse (heart rate)</extracomment>
        <translation>Puls</translation>
    </message>
    <message>
        <source>ACVPU</source>
        <extracomment>NEWS2 parameter: level of consciousness on the ACVPU scale; keep the abbreviation ACVPU</extracomment>
        <translation>ACVPU</translation>
    </message>
    <message>
        <source>Temp</source>
        <extracomment>NEWS2 parameter: body temperature. Short: a narrow column.</extracomment>
        <translation>Temp</translation>
    </message>
    <message>
        <source>routine</source>
        <extracomment>NEWS2 clinical response for a total of 0: routine monitoring</extracomment>
        <translation>Routine</translation>
    </message>
    <message>
        <source>low</source>
        <extracomment>NEWS2 clinical response &quot;low&quot; (total 1-4): ward-based response</extracomment>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>low-medium</source>
        <extracomment>NEWS2 clinical response &quot;low-medium&quot; (a 3 in one parameter): urgent ward-based response</extracomment>
        <translation>niedrig-mittel</translation>
    </message>
    <message>
        <source>medium</source>
        <extracomment>NEWS2 clinical response &quot;medium&quot; (total 5-6): urgent response</extracomment>
        <translation>mittel</translation>
    </message>
    <message>
        <source>high</source>
        <extracomment>NEWS2 clinical response &quot;high&quot; (total 7 or more): emergency response</extracomment>
        <translation>hoch</translation>
    </message>
    <message>
        <source>monitor</source>
        <extracomment>Where a NEWS2 value came from: the bedside monitor (not entered by hand)</extracomment>
        <translation>Monitor</translation>
    </message>
    <message>
        <source>nurse %1</source>
        <extracomment>Where a NEWS2 value came from: entered by the nurse %1 (a user name)</extracomment>
        <translation>Pflege %1</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <extracomment>NEWS2: this parameter (%1) has no value, so the score is incomplete</extracomment>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <source>%1 stale</source>
        <extracomment>NEWS2: this parameter&apos;s (%1) value is too old to count</extracomment>
        <translation>%1 veraltet</translation>
    </message>
    <message>
        <source>O2</source>
        <extracomment>NEWS2: the patient is given supplemental oxygen (O2) / breathes room air</extracomment>
        <translation>O2</translation>
    </message>
    <message>
        <source>Air</source>
        <translation>Luft</translation>
    </message>
</context>
<context>
    <name>vigil::security</name>
    <message>
        <source>Viewer</source>
        <extracomment>Role: nobody signed in, the ward display</extracomment>
        <translation>Betrachter</translation>
    </message>
    <message>
        <source>Nurse</source>
        <extracomment>Role: a ward nurse</extracomment>
        <translation>Pflegekraft</translation>
    </message>
    <message>
        <source>Charge nurse</source>
        <extracomment>Role: the nurse in charge of the shift</extracomment>
        <translation>Schichtleitung</translation>
    </message>
    <message>
        <source>Biomed</source>
        <extracomment>Role: biomedical / clinical engineering staff</extracomment>
        <translation>Medizintechnik</translation>
    </message>
    <message>
        <source>Administrator</source>
        <extracomment>Role: the station&apos;s IT administrator</extracomment>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>acknowledge alarms</source>
        <extracomment>Permission: acknowledge an alarm condition</extracomment>
        <translation>Alarme quittieren</translation>
    </message>
    <message>
        <source>pause alarm audio</source>
        <extracomment>Permission: pause the alarm sound or a bed&apos;s alarms</extracomment>
        <translation>Alarmton pausieren</translation>
    </message>
    <message>
        <source>reset alarms</source>
        <extracomment>Permission: reset a latched alarm</extracomment>
        <translation>Alarme zurücksetzen</translation>
    </message>
    <message>
        <source>change alarm limits</source>
        <extracomment>Permission: change a patient&apos;s alarm limits</extracomment>
        <translation>Alarmgrenzen ändern</translation>
    </message>
    <message>
        <source>chart and hand over</source>
        <extracomment>Permission: write handover notes and validate charted values</extracomment>
        <translation>dokumentieren und übergeben</translation>
    </message>
    <message>
        <source>admit, transfer or discharge</source>
        <extracomment>Permission: admit, transfer or discharge a patient</extracomment>
        <translation>aufnehmen, verlegen oder entlassen</translation>
    </message>
    <message>
        <source>print and export</source>
        <translation>drucken und exportieren</translation>
    </message>
    <message>
        <source>choose the NEWS2 scale</source>
        <extracomment>Permission: choose the NEWS2 SpO2 scale of a patient</extracomment>
        <translation>NEWS2-Skala wählen</translation>
    </message>
    <message>
        <source>configure the station</source>
        <translation>Zentrale konfigurieren</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>Benutzer verwalten</translation>
    </message>
    <message>
        <source>use the archive tools</source>
        <translation>Archivwerkzeuge verwenden</translation>
    </message>
</context>
<context>
    <name>vigil::security::Access</name>
    <message>
        <source>The controls are locked: sign in to %1.</source>
        <translation>Die Bedienung ist gesperrt: Anmeldung erforderlich für „%1“.</translation>
    </message>
    <message>
        <source>Sign in to %1.</source>
        <translation>Anmeldung erforderlich für „%1“.</translation>
    </message>
    <message>
        <source>A %1 may not %2.</source>
        <translation>Die Rolle „%1“ erlaubt nicht: %2.</translation>
    </message>
    <message>
        <source>Sign-in is not available on this station.</source>
        <translation>Die Anmeldung ist an dieser Zentrale nicht verfügbar.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator.</source>
        <translation>Geben Sie den 6-stelligen Code Ihres Authenticators ein.</translation>
    </message>
    <message>
        <source>Your role needs a second factor: scan the code with an authenticator app, then enter the 6-digit code it shows.</source>
        <translation>Ihre Rolle erfordert einen zweiten Faktor: Scannen Sie den Code mit einer Authenticator-App und geben Sie dann den angezeigten 6-stelligen Code ein.</translation>
    </message>
    <message>
        <source>Sign-in failed.</source>
        <translation>Anmeldung fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Authenticator enrolled: sign in with your password and a code.</source>
        <translation>Authenticator eingerichtet: Melden Sie sich mit Passwort und Code an.</translation>
    </message>
    <message>
        <source>That code does not match: try the next one.</source>
        <translation>Der Code stimmt nicht: Versuchen Sie den nächsten.</translation>
    </message>
    <message>
        <source>Administrator %1 created: sign in.</source>
        <translation>Administrator %1 angelegt: bitte anmelden.</translation>
    </message>
</context>
<context>
    <name>vigil::security::UserAdmin</name>
    <message>
        <source>User management needs the station&apos;s user database ([security] enabled).</source>
        <translation>Die Benutzerverwaltung benötigt die Benutzerdatenbank der Zentrale ([security] aktiviert).</translation>
    </message>
    <message>
        <source>Still working on the last change.</source>
        <translation>Die letzte Änderung wird noch ausgeführt.</translation>
    </message>
    <message>
        <source>A user name is 1 to 64 characters.</source>
        <translation>Ein Benutzername hat 1 bis 64 Zeichen.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Bitte eine Rolle auswählen.</translation>
    </message>
    <message>
        <source>The initial password needs at least 8 characters.</source>
        <translation>Das Erstpasswort muss mindestens 8 Zeichen haben.</translation>
    </message>
    <message>
        <source>A badge needs a PIN of at least 4 digits.</source>
        <translation>Ein Ausweis benötigt eine PIN mit mindestens 4 Ziffern.</translation>
    </message>
    <message>
        <source>User %1 exists already.</source>
        <translation>Benutzer %1 existiert bereits.</translation>
    </message>
    <message>
        <source>User %1 added as %2.</source>
        <translation>Benutzer %1 als %2 angelegt.</translation>
    </message>
    <message>
        <source>No user %1.</source>
        <translation>Kein Benutzer %1.</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>Sie können Ihr eigenes Konto nicht deaktivieren.</translation>
    </message>
    <message>
        <source>%1 is the last active administrator.</source>
        <translation>%1 ist der letzte aktive Administrator.</translation>
    </message>
    <message>
        <source>User %1 disabled: they cannot sign in.</source>
        <translation>Benutzer %1 deaktiviert: keine Anmeldung mehr möglich.</translation>
    </message>
    <message>
        <source>User %1 enabled.</source>
        <translation>Benutzer %1 aktiviert.</translation>
    </message>
    <message>
        <source>The new password needs at least 8 characters.</source>
        <translation>Das neue Passwort muss mindestens 8 Zeichen haben.</translation>
    </message>
    <message>
        <source>Password of %1 reset.</source>
        <translation>Passwort von %1 zurückgesetzt.</translation>
    </message>
    <message>
        <source>%1 scans the code with an authenticator app, then enters the 6-digit code it shows.</source>
        <translation>%1 scannt den Code mit einer Authenticator-App und gibt dann den angezeigten 6-stelligen Code ein.</translation>
    </message>
    <message>
        <source>Authenticator enrolled for %1.</source>
        <translation>Authenticator für %1 eingerichtet.</translation>
    </message>
    <message>
        <source>That code does not match: try the next one.</source>
        <translation>Der Code stimmt nicht: Versuchen Sie den nächsten.</translation>
    </message>
    <message>
        <source>Authenticator of %1 removed: a new one is enrolled at the next sign-in if the role needs it.</source>
        <translation>Authenticator von %1 entfernt: Falls die Rolle es erfordert, wird bei der nächsten Anmeldung ein neuer eingerichtet.</translation>
    </message>
    <message>
        <source>%1 is already %2.</source>
        <translation>%1 ist bereits %2.</translation>
    </message>
    <message>
        <source>You cannot change your own role: another administrator does it.</source>
        <translation>Sie können Ihre eigene Rolle nicht ändern: Das übernimmt ein anderer Administrator.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 ist jetzt %2.</translation>
    </message>
    <message>
        <source>A display name is at most 64 characters.</source>
        <translation>Ein Anzeigename hat höchstens 64 Zeichen.</translation>
    </message>
    <message>
        <source>The display name of %1 is unchanged.</source>
        <translation>Der Anzeigename von %1 ist unverändert.</translation>
    </message>
    <message>
        <source>%1 is shown by the user name now.</source>
        <translation>%1 wird jetzt mit dem Benutzernamen angezeigt.</translation>
    </message>
    <message>
        <source>%1 is shown as %2.</source>
        <translation>%1 wird als %2 angezeigt.</translation>
    </message>
    <message>
        <source>You cannot delete your own account.</source>
        <translation>Sie können Ihr eigenes Konto nicht löschen.</translation>
    </message>
    <message>
        <source>User %1 deleted; their audit records stay.</source>
        <translation>Benutzer %1 gelöscht; die Audit-Einträge bleiben.</translation>
    </message>
</context>
</TS>
