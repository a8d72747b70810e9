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
        <translation>Quitt. [A]</translation>
    </message>
    <message>
        <source>Audio pause [P]</source>
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
        <translation>Quitt.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>No alarms</source>
        <translation>Keine Alarme</translation>
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
        <translation>Alarme fortsetzen (pausiert %1)</translation>
    </message>
    <message>
        <source>Pause bed alarms</source>
        <translation>Bettalarme pausieren</translation>
    </message>
    <message>
        <source>Reset latched</source>
        <translation>Gehaltene zurücksetzen</translation>
    </message>
    <message>
        <source>Alarm limits…</source>
        <translation>Alarmgrenzen…</translation>
    </message>
    <message>
        <source>  (custom)</source>
        <translation>  (angepasst)</translation>
    </message>
    <message>
        <source>Handover…</source>
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
        <translation>Alarmstreifen (letzte 20 s)</translation>
    </message>
    <message>
        <source>Event list</source>
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
        <translation>Rückschau  ·  %1</translation>
    </message>
    <message>
        <source>Trends</source>
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
</context>
<context>
    <name>HandoverPanel</name>
    <message>
        <source>Handover (I-PASS)</source>
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
        <translation>Verlegen nach</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Verlegen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Admit</source>
        <translation>Aufnehmen</translation>
    </message>
    <message>
        <source>Confirm discharge</source>
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
        <source>EHR link down</source>
        <extracomment>Technical condition: charting messages for the electronic health record cannot be delivered</extracomment>
        <translation>EHR-Verbindung unterbrochen</translation>
    </message>
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
    <message>
        <source>Patient identity mismatch: monitor %1, admitted %2</source>
        <extracomment>Technical condition: the monitor&apos;s patient differs from the patient admitted to the bed</extracomment>
        <translation>Patientenidentität abweichend: Monitor %1, aufgenommen %2</translation>
    </message>
    <message>
        <source>Patient identity mismatch</source>
        <translation>Patientenidentität abweichend</translation>
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
        <source>Cluster unreachable: local monitoring only</source>
        <extracomment>Technical condition: the station lost its link to the hospital&apos;s monitoring cluster (other stations&apos; beds and alarms); its own beds are still monitored.</extracomment>
        <translation>Cluster nicht erreichbar: nur lokale Überwachung</translation>
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
    <name>vigil::EcgWiring</name>
    <message>
        <source>ECG noisy: central analysis suspended</source>
        <translation>EKG gestört: zentrale Analyse ausgesetzt</translation>
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
        <source>NEWS2 %1: emergency response</source>
        <translation>NEWS2 %1: Notfallreaktion</translation>
    </message>
    <message>
        <source>NEWS2 %1: urgent response</source>
        <translation>NEWS2 %1: dringende Reaktion</translation>
    </message>
    <message>
        <source>NEWS2: a 3 in one parameter, urgent ward review</source>
        <translation>NEWS2: eine 3 in einem Parameter, dringende ärztliche Beurteilung auf Station</translation>
    </message>
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
    <message>
        <source>EHR link down: %1 charting message(s) waiting</source>
        <translation>EHR-Verbindung unterbrochen: %1 Dokumentationsnachricht(en) warten</translation>
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
</TS>
