<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="eo">
    <context>
        <name>AlarmBar</name>
        <message>
            <source>No active alarms</source>
            <translation>[Ñö áçtîvé álárms~~~~~~]</translation>
        </message>
        <message>
            <source>✓ acknowledged</source>
            <translation>[✓ áçkñöwlédgéd~~~~~~]</translation>
        </message>
        <message>
            <source>ESCALATED</source>
            <translation>[ÉSÇÁLÁTÉD~~~~]</translation>
        </message>
        <message>
            <source>unack.</source>
            <translation>[ûñáçk.~~]</translation>
        </message>
        <message>
            <source>Ack [A]</source>
            <extracomment>Acknowledge the alarm (IEC 60601-1-8: the nurse has seen it; it stops the sound, the alarm stays). [A] = keyboard key, keep it</extracomment>
            <translation>[Áçk [Á]~~~]</translation>
        </message>
        <message>
            <source>Audio pause [P]</source>
            <extracomment>Silence the alarm sound for a while (audio paused, IEC 60601-1-8); the alarms stay shown. [P] = keyboard key</extracomment>
            <translation>[Áûdîö páûsé [P]~~~~~~]</translation>
        </message>
        <message>
            <source>Alarms [L]</source>
            <translation>[Álárms [L]~~~~]</translation>
        </message>
    </context>
    <context>
        <name>AlarmCentre</name>
        <message>
            <source>Alarms — %1 signalling, %2 unacknowledged</source>
            <translation>[Álárms — %1 sîgñállîñg, %2 ûñáçkñöwlédgéd~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>1 update waiting</source>
            <translation>[1 ûpdáté wáîtîñg~~~~~~]</translation>
        </message>
        <message>
            <source>%1 updates waiting</source>
            <translation>[%1 ûpdátés wáîtîñg~~~~~~]</translation>
        </message>
        <message>
            <source> — release to refresh</source>
            <translation>[ — réléásé tö réfrésh~~~~~~~~]</translation>
        </message>
        <message>
            <source>Close [Esc]</source>
            <translation>[Çlösé [Ésç]~~~~]</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>[Prîörîtý~~~]</translation>
        </message>
        <message>
            <source>Bed</source>
            <translation>[Béd~]</translation>
        </message>
        <message>
            <source>Patient</source>
            <translation>[Pátîéñt~~~]</translation>
        </message>
        <message>
            <source>Condition</source>
            <translation>[Çöñdîtîöñ~~~~]</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>[Válûé~~]</translation>
        </message>
        <message>
            <source>Onset</source>
            <translation>[Öñsét~~]</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>[Dûrátîöñ~~~]</translation>
        </message>
        <message>
            <source>State</source>
            <translation>[Státé~~]</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>[Áçtîöñs~~~]</translation>
        </message>
        <message>
            <source>Station</source>
            <translation>[Státîöñ~~~]</translation>
        </message>
        <message>
            <source>paused</source>
            <extracomment>Alarm state: the bed's alarms are paused (not signalled at all for a while), not a pause in the ECG</extracomment>
            <translation>[páûséd~~]</translation>
        </message>
        <message>
            <source>reset (%1)</source>
            <translation>[rését (%1)~~~]</translation>
        </message>
        <message>
            <source> · escalated</source>
            <translation>[ · ésçálátéd~~~~~]</translation>
        </message>
        <message>
            <source> · ack %1</source>
            <translation>[ · áçk %1~~~]</translation>
        </message>
        <message>
            <source>Ack</source>
            <extracomment>Short for acknowledge an alarm (the nurse has seen it). Narrow button</extracomment>
            <translation>[Áçk~]</translation>
        </message>
        <message>
            <source>Reset</source>
            <extracomment>Clear a latched alarm whose cause has ended (IEC 60601-1-8 alarm reset). Narrow button</extracomment>
            <translation>[Rését~~]</translation>
        </message>
        <message>
            <source>No alarms</source>
            <translation>[Ñö álárms~~~~]</translation>
        </message>
    </context>
    <context>
        <name>AlarmText</name>
        <message>
            <source>, now %1</source>
            <extracomment>Alarm numbers: the value that triggered, then the current value ("85 &lt; 90, now 92").</extracomment>
            <translation>[, ñöw %1~~]</translation>
        </message>
        <message>
            <source>Station</source>
            <extracomment>Where an alarm is: the central station itself (not a bed), e.g. a gateway link down.</extracomment>
            <translation>[Státîöñ~~~]</translation>
        </message>
        <message>
            <source>%1 high</source>
            <extracomment>Alarm condition: a measured value above its upper alarm limit. %1 = parameter label (HR, SpO2, NIBP sys), keep it as is. Short: it is shown in the alarm bar and on the bed tile.</extracomment>
            <translation>[%1 hîgh~~]</translation>
        </message>
        <message>
            <source>%1 low</source>
            <extracomment>Alarm condition: a measured value below its lower alarm limit. %1 = parameter label, keep it as is.</extracomment>
            <translation>[%1 löw~~]</translation>
        </message>
        <message>
            <source>%1 alarm</source>
            <extracomment>Alarm condition of a parameter without a direction. %1 = parameter label, keep it as is.</extracomment>
            <translation>[%1 álárm~~]</translation>
        </message>
        <message>
            <source>%1: no current value</source>
            <extracomment>Technical alarm: the parameter (%1, e.g. HR) has not sent a value for too long; the number shown is stale.</extracomment>
            <translation>[%1: ñö çûrréñt válûé~~~~~~~]</translation>
        </message>
        <message>
            <source>Gateway link down</source>
            <extracomment>Technical alarm: the network link to the gateway (the bedside monitors' concentrator) is down.</extracomment>
            <translation>[Gátéwáý lîñk döwñ~~~~~~~]</translation>
        </message>
        <message>
            <source>No data</source>
            <extracomment>Technical alarm: a bed's monitor sends no data at all.</extracomment>
            <translation>[Ñö dátá~~~]</translation>
        </message>
        <message>
            <source>ECG lead off</source>
            <extracomment>Technical alarm: an ECG electrode (lead = electrode wire, not "to lead") has come off the patient.</extracomment>
            <translation>[ÉÇG léád öff~~~~~]</translation>
        </message>
        <message>
            <source>SpO2 sensor off</source>
            <extracomment>Technical alarm: the pulse oximeter (SpO2) sensor is off the patient's finger.</extracomment>
            <translation>[SpÖ2 séñsör öff~~~~~~]</translation>
        </message>
        <message>
            <source>%1 sensor off</source>
            <extracomment>Technical alarm: the sensor of parameter %1 (e.g. etCO2) is off or unplugged. Keep %1 as is.</extracomment>
            <translation>[%1 séñsör öff~~~~]</translation>
        </message>
        <message>
            <source>Waveform gap</source>
            <extracomment>Technical alarm: the waveform (ECG, pleth curve) had a gap: samples were lost.</extracomment>
            <translation>[Wávéförm gáp~~~~~]</translation>
        </message>
        <message>
            <source>Alert manager not answering</source>
            <extracomment>Technical alarm: the alert manager (forwards alarms to nurses' phones and pagers) does not answer.</extracomment>
            <translation>[Álért máñágér ñöt áñswérîñg~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Archive failure</source>
            <extracomment>Technical alarm: the station cannot write its archive (recorded vital signs and alarms).</extracomment>
            <translation>[Árçhîvé fáîlûré~~~~~~]</translation>
        </message>
        <message>
            <source>ARCHIVE: %1</source>
            <extracomment>Technical alarm, %1 = what failed (a technical message, shown as is).</extracomment>
            <translation>[ÁRÇHÎVÉ: %1~~~~]</translation>
        </message>
        <message>
            <source>Gateway %1: no heartbeat for %2 s</source>
            <extracomment>Technical alarm: %1 = gateway name; it sent no heartbeat (keep-alive message) for %2 seconds.</extracomment>
            <translation>[Gátéwáý %1: ñö héártbéát för %2 s~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>%1: link down</source>
            <extracomment>Technical alarm: %1 = gateway or source name; its link is down.</extracomment>
            <translation>[%1: lîñk döwñ~~~~]</translation>
        </message>
        <message>
            <source>%1: link down (%2)</source>
            <extracomment>Technical alarm: %1 = gateway or source name, %2 = the reason (technical, shown as is).</extracomment>
            <translation>[%1: lîñk döwñ (%2)~~~~~~]</translation>
        </message>
        <message>
            <source>%1: link down: 1 bed unwatched (%2)</source>
            <extracomment>Technical alarm: %1 = source name; one bed (%2 = its label) is no longer watched.</extracomment>
            <translation>[%1: lîñk döwñ: 1 béd ûñwátçhéd (%2)~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>%1: link down: %2 beds unwatched (%3)</source>
            <extracomment>Technical alarm: %1 = source name, %2 = number of beds (2 or more) no longer watched, %3 = their labels.</extracomment>
            <translation>[%1: lîñk döwñ: %2 béds ûñwátçhéd (%3)~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>%1: link down (%2): 1 bed unwatched (%3)</source>
            <extracomment>Technical alarm: %1 = source name, %2 = reason, one bed (%3 = its label) is no longer watched.</extracomment>
            <translation>[%1: lîñk döwñ (%2): 1 béd ûñwátçhéd (%3)~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>%1: link down (%2): %3 beds unwatched (%4)</source>
            <extracomment>Technical alarm: %1 = source name, %2 = reason, %3 = number of beds (2 or more), %4 = their labels.</extracomment>
            <translation>[%1: lîñk döwñ (%2): %3 béds ûñwátçhéd (%4)~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Alert manager: no reply for %1 %2</source>
            <extracomment>Technical alarm: the alert manager did not confirm an alarm sent to it. %1 = bed, %2 = the alarm.</extracomment>
            <translation>[Álért máñágér: ñö réplý för %1 %2~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Alert manager: delivery failed</source>
            <extracomment>Technical alarm: the alert manager could not deliver an alarm to a nurse's phone or pager.</extracomment>
            <translation>[Álért máñágér: délîvérý fáîléd~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Alert manager: delivery failed (%1)</source>
            <extracomment>Technical alarm: %1 = the alert manager's reason (technical, shown as is).</extracomment>
            <translation>[Álért máñágér: délîvérý fáîléd (%1)~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Alert manager: delivery failed for %1 %2</source>
            <extracomment>Technical alarm: %1 = bed, %2 = the alarm that was not delivered to the nurse's phone or pager.</extracomment>
            <translation>[Álért máñágér: délîvérý fáîléd för %1 %2~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Alert manager: delivery failed for %1 %2 (%3)</source>
            <extracomment>Technical alarm: %1 = bed, %2 = the alarm not delivered, %3 = the alert manager's reason (as is).</extracomment>
            <translation>[Álért máñágér: délîvérý fáîléd för %1 %2 (%3)~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>NEWS2 %1: emergency response</source>
            <extracomment>Advisory alarm: NEWS2 (National Early Warning Score 2, keep the name) total %1 calls for an emergency response (the rapid response / medical emergency team).</extracomment>
            <translation>[ÑÉWS2 %1: émérgéñçý réspöñsé~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>NEWS2 %1: urgent response</source>
            <extracomment>Advisory alarm: NEWS2 total %1 calls for an urgent response (urgent review by a clinician).</extracomment>
            <translation>[ÑÉWS2 %1: ûrgéñt réspöñsé~~~~~~~~~]</translation>
        </message>
        <message>
            <source>NEWS2: a 3 in one parameter, urgent ward review</source>
            <extracomment>Advisory alarm: one NEWS2 parameter scored 3 (the maximum): an urgent review on the ward is due.</extracomment>
            <translation>[ÑÉWS2: á 3 îñ öñé párámétér, ûrgéñt wárd révîéw~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Asystole (central)</source>
            <extracomment>ECG rhythm alarm found by the station's own (central) ECG analysis: asystole (no heart activity).</extracomment>
            <translation>[Ásýstölé (çéñtrál)~~~~~~~]</translation>
        </message>
        <message>
            <source>Pause (central)</source>
            <extracomment>ECG rhythm alarm of the central analysis: a pause = a long gap between heart beats (not "pause the alarm").</extracomment>
            <translation>[Páûsé (çéñtrál)~~~~~~]</translation>
        </message>
        <message>
            <source>Extreme brady (central)</source>
            <extracomment>ECG rhythm alarm of the central analysis: extreme bradycardia (very slow heart rate).</extracomment>
            <translation>[Éxtrémé brádý (çéñtrál)~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Extreme tachy (central)</source>
            <extracomment>ECG rhythm alarm of the central analysis: extreme tachycardia (very fast heart rate).</extracomment>
            <translation>[Éxtrémé táçhý (çéñtrál)~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Extreme brady (central) HR %1</source>
            <extracomment>ECG rhythm alarm with the heart rate %1 (beats per minute): extreme bradycardia.</extracomment>
            <translation>[Éxtrémé brádý (çéñtrál) HR %1~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Extreme tachy (central) HR %1</source>
            <extracomment>ECG rhythm alarm with the heart rate %1 (beats per minute): extreme tachycardia.</extracomment>
            <translation>[Éxtrémé táçhý (çéñtrál) HR %1~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>ECG noisy: central analysis suspended</source>
            <extracomment>Technical alarm: the ECG is too noisy (artefacts) for the station's own rhythm analysis, which stops.</extracomment>
            <translation>[ÉÇG ñöîsý: çéñtrál áñálýsîs sûspéñdéd~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Patient identity mismatch: monitor %1, admitted %2</source>
            <extracomment>Technical alarm: the bedside monitor's patient (%1 = its patient ID) differs from the patient admitted to the bed (%2 = the admitted patient's ID, MRN).</extracomment>
            <translation>[Pátîéñt îdéñtîtý mîsmátçh: möñîtör %1, ádmîttéd %2~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Patient identity mismatch</source>
            <extracomment>Technical alarm: the bedside monitor's patient differs from the patient admitted to the bed.</extracomment>
            <translation>[Pátîéñt îdéñtîtý mîsmátçh~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>VFib (central)</source>
            <extracomment>ECG rhythm alarm of the central analysis: ventricular fibrillation (VF).</extracomment>
            <translation>[VFîb (çéñtrál)~~~~~~]</translation>
        </message>
        <message>
            <source>VTach (central)</source>
            <extracomment>ECG rhythm alarm of the central analysis: ventricular tachycardia (VT).</extracomment>
            <translation>[VTáçh (çéñtrál)~~~~~~]</translation>
        </message>
        <message>
            <source>VTach (central) HR %1</source>
            <extracomment>ECG rhythm alarm with the heart rate %1 (beats per minute): ventricular tachycardia.</extracomment>
            <translation>[VTáçh (çéñtrál) HR %1~~~~~~~~]</translation>
        </message>
        <message>
            <source>HR %1 differs from ECG beats %2 (central)</source>
            <extracomment>Technical alarm: the monitor's heart rate %1 and the rate counted from the ECG beats at the central (%2) disagree.</extracomment>
            <translation>[HR %1 dîfférs fröm ÉÇG béáts %2 (çéñtrál)~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Cluster unreachable: local monitoring only</source>
            <extracomment>Technical alarm: the station lost its link to the hospital's monitoring cluster (other stations' beds and alarms); its own beds are still monitored.</extracomment>
            <translation>[Çlûstér ûñréáçháblé: löçál möñîtörîñg öñlý~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>EHR link down</source>
            <extracomment>Technical alarm: charting messages for the electronic health record (EHR) cannot be delivered.</extracomment>
            <translation>[ÉHR lîñk döwñ~~~~~]</translation>
        </message>
        <message>
            <source>EHR link down: %1 charting message(s) waiting</source>
            <extracomment>Technical alarm: charting messages for the EHR cannot be delivered; %1 of them wait to be sent.</extracomment>
            <translation>[ÉHR lîñk döwñ: %1 çhártîñg mésságé(s) wáîtîñg~~~~~~~~~~~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>BedActions</name>
        <message>
            <source>Acknowledge bed [A]</source>
            <translation>[Áçkñöwlédgé béd [Á]~~~~~~~~]</translation>
        </message>
        <message>
            <source>Resume alarms (paused %1)</source>
            <extracomment>The bed's alarms are paused (alarm paused, IEC 60601-1-8: not signalled) for %1 more (mm:ss); press to turn them back on</extracomment>
            <translation>[Résûmé álárms (páûséd %1)~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Pause bed alarms</source>
            <extracomment>Turn this bed's alarms off for a few minutes (alarm paused: e.g. while washing the patient), not a pause in the ECG</extracomment>
            <translation>[Páûsé béd álárms~~~~~~]</translation>
        </message>
        <message>
            <source>Reset latched</source>
            <extracomment>Clear this bed's latched alarms (alarms that stay on after their cause ended until a nurse resets them)</extracomment>
            <translation>[Rését látçhéd~~~~~]</translation>
        </message>
        <message>
            <source>Alarm limits…</source>
            <extracomment>Opens the bed's alarm limits (upper and lower thresholds of each vital sign)</extracomment>
            <translation>[Álárm lîmîts…~~~~~]</translation>
        </message>
        <message>
            <source>  (custom)</source>
            <translation>[  (çûstöm)~~~~]</translation>
        </message>
        <message>
            <source>Handover…</source>
            <extracomment>Opens the shift handover notes of this patient (nurse-to-nurse report at shift change)</extracomment>
            <translation>[Háñdövér…~~~~]</translation>
        </message>
        <message>
            <source>Print… [Ctrl+P]</source>
            <translation>[Prîñt… [Çtrl+P]~~~~~~]</translation>
        </message>
        <message>
            <source>Handover (shift report)</source>
            <translation>[Háñdövér (shîft répört)~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Alarm strip (last 20 s)</source>
            <extracomment>Print a strip: a paper recording of the waveforms (ECG) of the last 20 seconds</extracomment>
            <translation>[Álárm strîp (lást 20 s)~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Event list</source>
            <extracomment>Print the list of the bed's alarms and events</extracomment>
            <translation>[Évéñt lîst~~~~]</translation>
        </message>
        <message>
            <source>Patient…</source>
            <extracomment>Opens the bed's patient: admit, edit, transfer, discharge</extracomment>
            <translation>[Pátîéñt…~~~]</translation>
        </message>
        <message>
            <source>Admit…</source>
            <translation>[Ádmît…~~]</translation>
        </message>
        <message>
            <source>Validate vitals…</source>
            <extracomment>Opens the vital signs to check and chart into the patient's record (EHR) as validated</extracomment>
            <translation>[Válîdáté vîtáls…~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>BedDetail</name>
        <message>
            <source>◀  Ward  (Esc)</source>
            <translation>[◀  Wárd  (Ésç)~~~~~~]</translation>
        </message>
        <message>
            <source>Review  [R]</source>
            <extracomment>Opens the review of the bed's recorded history (full disclosure: waveforms, trends, alarms), not a clinical review. [R] = keyboard key</extracomment>
            <translation>[Révîéw  [R]~~~~]</translation>
        </message>
        <message>
            <source>No patient</source>
            <translation>[Ñö pátîéñt~~~~]</translation>
        </message>
        <message>
            <source>ALARMS PAUSED</source>
            <translation>[ÁLÁRMS PÁÛSÉD~~~~~]</translation>
        </message>
        <message>
            <source>NO DATA</source>
            <translation>[ÑÖ DÁTÁ~~~]</translation>
        </message>
    </context>
    <context>
        <name>BedReview</name>
        <message>
            <source>◀  Back  (Esc)</source>
            <translation>[◀  Báçk  (Ésç)~~~~~~]</translation>
        </message>
        <message>
            <source>Review  ·  %1</source>
            <extracomment>Title of the history review of bed %1 (recorded waveforms, trends, alarms)</extracomment>
            <translation>[Révîéw  ·  %1~~~~]</translation>
        </message>
        <message>
            <source>Trends</source>
            <extracomment>Tab: graphs of the vital signs over hours (trend view)</extracomment>
            <translation>[Tréñds~~]</translation>
        </message>
        <message>
            <source>Full disclosure</source>
            <translation>[Fûll dîsçlösûré~~~~~~]</translation>
        </message>
        <message>
            <source>Alarms</source>
            <translation>[Álárms~~]</translation>
        </message>
        <message>
            <source>Alarm strip of this moment</source>
            <extracomment>Print a strip: a paper recording of the waveforms (ECG) around the moment shown</extracomment>
            <translation>[Álárm strîp öf thîs möméñt~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Full disclosure of the shown range</source>
            <translation>[Fûll dîsçlösûré öf thé shöwñ ráñgé~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Loading %1 %</source>
            <translation>[Löádîñg %1 %~~~~]</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>[Löádîñg…~~~]</translation>
        </message>
        <message>
            <source>No archive available</source>
            <translation>[Ñö árçhîvé áváîláblé~~~~~~~~]</translation>
        </message>
        <message>
            <source>This station is not keeping an archive, so the history of %1 cannot be reviewed. Live monitoring is not affected.</source>
            <translation>[Thîs státîöñ îs ñöt kéépîñg áñ árçhîvé, sö thé hîstörý öf %1 çáññöt bé révîéwéd. Lîvé möñîtörîñg îs ñöt áfféçtéd.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Archive: %1</source>
            <translation>[Árçhîvé: %1~~~~]</translation>
        </message>
    </context>
    <context>
        <name>BedTile</name>
        <message>
            <source>No patient</source>
            <translation>[Ñö pátîéñt~~~~]</translation>
        </message>
        <message>
            <source>CUSTOM LIMITS</source>
            <translation>[ÇÛSTÖM LÎMÎTS~~~~~]</translation>
        </message>
        <message>
            <source>LIM*</source>
            <translation>[LÎM*~~]</translation>
        </message>
        <message>
            <source>  ESCALATED</source>
            <translation>[  ÉSÇÁLÁTÉD~~~~]</translation>
        </message>
        <message>
            <source>ALARMS PAUSED</source>
            <translation>[ÁLÁRMS PÁÛSÉD~~~~~]</translation>
        </message>
        <message>
            <source>NO DATA</source>
            <translation>[ÑÖ DÁTÁ~~~]</translation>
        </message>
        <message>
            <source>Remote · %1</source>
            <extracomment>Marks a bed monitored by another central station (shown here through the hospital cluster); %1 is that station's name.</extracomment>
            <translation>[Rémöté · %1~~~~]</translation>
        </message>
    </context>
    <context>
        <name>Census</name>
        <message>
            <source>no such pending conflict</source>
            <translation>[ñö sûçh péñdîñg çöñflîçt~~~~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>DicomStatusChip</name>
        <message>
            <source>PACS</source>
            <extracomment>The hospital's picture archive (DICOM node); keep "PACS" as is in most languages</extracomment>
            <translation>[PÁÇS~~]</translation>
        </message>
        <message>
            <source>  %1 waiting</source>
            <translation>[  %1 wáîtîñg~~~~]</translation>
        </message>
        <message>
            <source>DICOM node: %1</source>
            <translation>[DÎÇÖM ñödé: %1~~~~~]</translation>
        </message>
        <message>
            <source>%1 waiting to be sent, %2 being built</source>
            <translation>[%1 wáîtîñg tö bé séñt, %2 béîñg bûîlt~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>[Téstîñg…~~~]</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>[Tést çöññéçtîöñ~~~~~~]</translation>
        </message>
        <message>
            <source>Refused by the node, kept in the queue:</source>
            <extracomment>Objects the hospital's DICOM node (PACS) refused; they stay in the send queue, listed below with the node's reason.</extracomment>
            <translation>[Réfûséd bý thé ñödé, képt îñ thé qûéûé:~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <extracomment>A refused DICOM object: %1 its name, %2 the node's reason</extracomment>
            <translation>[%1: %2~]</translation>
        </message>
        <message>
            <source>Confirm discard</source>
            <extracomment>Take an object the PACS refused out of the send queue for good (it is never sent)</extracomment>
            <translation>[Çöñfîrm dîsçárd~~~~~~]</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>[Dîsçárd~~~]</translation>
        </message>
        <message>
            <source>Retry now</source>
            <extracomment>Send the objects waiting for the PACS now instead of at their next retry</extracomment>
            <translation>[Rétrý ñöw~~~~]</translation>
        </message>
    </context>
    <context>
        <name>DicomView</name>
        <message numerus="yes">
            <source>%1  %2  —  %3, acquired %4  —  %n channel(s)</source>
            <extracomment>The DICOM viewer's header: what the file is and who it belongs to. %1 patient, %2 patient id, %3 the kind of object (12-lead ECG...), %4 acquisition time, %n number of channels.</extracomment>
            <translation>
                <numerusform>[%1  %2  —  %3, áçqûîréd %4  —  %n çháññél(s)~~~~~~~~~~~~~~]</numerusform>
            </translation>
        </message>
        <message>
            <source>Odd in this file: %1</source>
            <translation>[Ödd îñ thîs fîlé: %1~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>DicomViewer</name>
        <message>
            <source>← → 10 s   Page Up / Page Down 1 min   Home start   Esc close</source>
            <translation>[← → 10 s   Págé Ûp / Págé Döwñ 1 mîñ   Hömé stárt   Ésç çlösé~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message numerus="yes">
            <source>Multiplex group %1 of %2: %3, %n channel(s)   Tab next group</source>
            <translation>
                <numerusform>[Mûltîpléx gröûp %1 öf %2: %3, %n çháññél(s)   Táb ñéxt gröûp~~~~~~~~~~~~~~~~~~~~~]</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HandoverPanel</name>
        <message>
            <source>Handover (I-PASS)</source>
            <extracomment>Shift handover report (nurse to nurse); I-PASS is the name of the handover method, keep it</extracomment>
            <translation>[Háñdövér (Î-PÁSS)~~~~~~~]</translation>
        </message>
        <message>
            <source>Illness severity</source>
            <translation>[Îllñéss sévérîtý~~~~~~]</translation>
        </message>
        <message>
            <source>Action list and notes</source>
            <translation>[Áçtîöñ lîst áñd ñötés~~~~~~~~]</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>[Sávé~~]</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>[Çáñçél~~]</translation>
        </message>
    </context>
    <context>
        <name>LimitsPanel</name>
        <message>
            <source>off</source>
            <translation>[öff~]</translation>
        </message>
        <message>
            <source>Restoring defaults is not available in this station version</source>
            <translation>[Réstörîñg défáûlts îs ñöt áváîláblé îñ thîs státîöñ vérsîöñ~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Alarm limits — %1</source>
            <extracomment>Title: the alarm limits (upper and lower thresholds) of bed %1</extracomment>
            <translation>[Álárm lîmîts — %1~~~~~~]</translation>
        </message>
        <message>
            <source>Restore defaults</source>
            <translation>[Réstöré défáûlts~~~~~~]</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>[Çlösé~~]</translation>
        </message>
        <message>
            <source>Low limit</source>
            <translation>[Löw lîmît~~~~]</translation>
        </message>
        <message>
            <source>High limit</source>
            <translation>[Hîgh lîmît~~~~]</translation>
        </message>
        <message>
            <source>set at bedside monitor</source>
            <translation>[sét át bédsîdé möñîtör~~~~~~~~~]</translation>
        </message>
        <message>
            <source>custom</source>
            <translation>[çûstöm~~]</translation>
        </message>
        <message>
            <source>ward default</source>
            <translation>[wárd défáûlt~~~~~]</translation>
        </message>
        <message>
            <source>Apply these limit changes?</source>
            <translation>[Ápplý thésé lîmît çháñgés?~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Restore the ward's default limits for this bed? Limits set at the bedside monitor stay as they are.</source>
            <translation>[Réstöré thé wárd's défáûlt lîmîts för thîs béd? Lîmîts sét át thé bédsîdé möñîtör stáý ás théý áré.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Discard changes</source>
            <translation>[Dîsçárd çháñgés~~~~~~]</translation>
        </message>
        <message>
            <source>Apply changes…</source>
            <translation>[Ápplý çháñgés…~~~~~~]</translation>
        </message>
        <message>
            <source>Apply 1 change…</source>
            <translation>[Ápplý 1 çháñgé…~~~~~~]</translation>
        </message>
        <message>
            <source>Apply %1 changes…</source>
            <translation>[Ápplý %1 çháñgés…~~~~~~]</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>[Báçk~~]</translation>
        </message>
        <message>
            <source>Confirm: restore defaults</source>
            <translation>[Çöñfîrm: réstöré défáûlts~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Confirm</source>
            <translation>[Çöñfîrm~~~]</translation>
        </message>
    </context>
    <context>
        <name>Main</name>
        <message>
            <source>ARCHIVE: %1 — live monitoring continues; call biomed</source>
            <translation>[ÁRÇHÎVÉ: %1 — lîvé möñîtörîñg çöñtîñûés; çáll bîöméd~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>WAVEFORMS UNAVAILABLE: no OpenGL renderer on this PC. Numerics are live; call biomed.</source>
            <translation>[WÁVÉFÖRMS ÛÑÁVÁÎLÁBLÉ: ñö ÖpéñGL réñdérér öñ thîs PÇ. Ñûmérîçs áré lîvé; çáll bîöméd.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>NewsBadge</name>
        <message>
            <source>NEWS %1%2</source>
            <translation>[ÑÉWS %1%2~~]</translation>
        </message>
        <message>
            <source>NEWS2 %1 %2</source>
            <translation>[ÑÉWS2 %1 %2~~~]</translation>
        </message>
        <message>
            <source>NEWS ?</source>
            <translation>[ÑÉWS ?~~]</translation>
        </message>
        <message>
            <source>NEWS2 incomplete</source>
            <translation>[ÑÉWS2 îñçömplété~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>NewsPanel</name>
        <message>
            <source>NEWS2: no inputs yet</source>
            <translation>[ÑÉWS2: ñö îñpûts ýét~~~~~~~~]</translation>
        </message>
        <message>
            <source>NEWS2 %1 %2  %3</source>
            <translation>[ÑÉWS2 %1 %2  %3~~~~]</translation>
        </message>
        <message>
            <source>NEWS2 incomplete (≥%1): %2</source>
            <translation>[ÑÉWS2 îñçömplété (≥%1): %2~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Deteriorating: %1</source>
            <translation>[Détérîörátîñg: %1~~~~~~]</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>[mîssîñg~~~]</translation>
        </message>
        <message>
            <source>STALE </source>
            <translation>[STÁLÉ ~~]</translation>
        </message>
        <message>
            <source>Air</source>
            <translation>[Áîr~]</translation>
        </message>
        <message>
            <source>O₂</source>
            <translation>[Ö₂~]</translation>
        </message>
        <message>
            <source>SpO₂ scale 2 (%1) → scale 1</source>
            <translation>[SpÖ₂ sçálé 2 (%1) → sçálé 1~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>SpO₂ scale 2…</source>
            <translation>[SpÖ₂ sçálé 2…~~~~~]</translation>
        </message>
        <message>
            <source>Resp rate</source>
            <extracomment>Respiration rate (breaths per minute), a NEWS2 parameter. Short: a narrow column</extracomment>
            <translation>[Résp ráté~~~~]</translation>
        </message>
        <message>
            <source>Sys BP</source>
            <translation>[Sýs BP~~]</translation>
        </message>
        <message>
            <source>Pulse</source>
            <translation>[Pûlsé~~]</translation>
        </message>
        <message>
            <source>Temp</source>
            <translation>[Témp~~]</translation>
        </message>
        <message>
            <source>SpO₂</source>
            <translation>[SpÖ₂~~]</translation>
        </message>
        <message>
            <source>value</source>
            <translation>[válûé~~]</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>[Éñtér~~]</translation>
        </message>
        <message>
            <source>Type a number</source>
            <translation>[Týpé á ñûmbér~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>NumericBox</name>
        <message>
            <source>old %1</source>
            <translation>[öld %1~~]</translation>
        </message>
    </context>
    <context>
        <name>PatientPanel</name>
        <message>
            <source>The medical record number is required.</source>
            <translation>[Thé médîçál réçörd ñûmbér îs réqûîréd.~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Date of birth as YYYY-MM-DD.</source>
            <translation>[Dáté öf bîrth ás ÝÝÝÝ-MM-DD.~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Patient — %1</source>
            <extracomment>Title of the patient panel; %1 is the bed's label</extracomment>
            <translation>[Pátîéñt — %1~~~~]</translation>
        </message>
        <message>
            <source>Admit a patient — %1</source>
            <translation>[Ádmît á pátîéñt — %1~~~~~~~]</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <extracomment>Where the stay came from: adt (hospital system), manual (typed here) or unadmitted (data only)</extracomment>
            <translation>[Söûrçé: %1~~~]</translation>
        </message>
        <message>
            <source>Identity mismatch: the monitor reports %1 (%2), the bed's stay is %3 (%4).</source>
            <extracomment>Technical condition: the monitor reports another patient than the one admitted to the bed</extracomment>
            <translation>[Îdéñtîtý mîsmátçh: thé möñîtör répörts %1 (%2), thé béd's stáý îs %3 (%4).~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Use the monitor's patient</source>
            <translation>[Ûsé thé möñîtör's pátîéñt~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Keep the admitted patient</source>
            <translation>[Kéép thé ádmîttéd pátîéñt~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>MRN</source>
            <translation>[MRÑ~]</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>[Vîsît~~]</translation>
        </message>
        <message>
            <source>Family name</source>
            <translation>[Fámîlý ñámé~~~~]</translation>
        </message>
        <message>
            <source>Given name</source>
            <translation>[Gîvéñ ñámé~~~~]</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <extracomment>Date of birth; the patient's age sets the alarm defaults (adult, paediatric, neonatal)</extracomment>
            <translation>[Dáté öf bîrth~~~~~]</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>[Séx~]</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>[ûñkñöwñ~~~]</translation>
        </message>
        <message>
            <source>female</source>
            <translation>[fémálé~~]</translation>
        </message>
        <message>
            <source>male</source>
            <translation>[málé~~]</translation>
        </message>
        <message>
            <source>other</source>
            <translation>[öthér~~]</translation>
        </message>
        <message>
            <source>undisclosed</source>
            <translation>[ûñdîsçlöséd~~~~]</translation>
        </message>
        <message>
            <source>Attending</source>
            <translation>[Áttéñdîñg~~~~]</translation>
        </message>
        <message>
            <source>Allergies</source>
            <translation>[Állérgîés~~~~]</translation>
        </message>
        <message>
            <source>A changed date of birth can change the alarm defaults of this bed (adult, paediatric, neonatal).</source>
            <translation>[Á çháñgéd dáté öf bîrth çáñ çháñgé thé álárm défáûlts öf thîs béd (ádûlt, páédîátrîç, ñéöñátál).~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Transfer to</source>
            <extracomment>Move the admitted patient to another bed (transfer)</extracomment>
            <translation>[Tráñsfér tö~~~~]</translation>
        </message>
        <message>
            <source>Transfer</source>
            <extracomment>Button: move the admitted patient to the bed chosen (transfer)</extracomment>
            <translation>[Tráñsfér~~~]</translation>
        </message>
        <message>
            <source>Save</source>
            <extracomment>Button: admit the patient to this bed (start the stay)</extracomment>
            <translation>[Sávé~~]</translation>
        </message>
        <message>
            <source>Admit</source>
            <translation>[Ádmît~~]</translation>
        </message>
        <message>
            <source>Confirm discharge</source>
            <extracomment>Button: the patient leaves the ward (discharge; ends the stay)</extracomment>
            <translation>[Çöñfîrm dîsçhárgé~~~~~~~]</translation>
        </message>
        <message>
            <source>Discharge…</source>
            <translation>[Dîsçhárgé…~~~~]</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>[Çáñçél~~]</translation>
        </message>
        <message>
            <source>Discharge ends the stay; its data stays in the archive and the bed's alarms return to the defaults.</source>
            <translation>[Dîsçhárgé éñds thé stáý; îts dátá stáýs îñ thé árçhîvé áñd thé béd's álárms rétûrñ tö thé défáûlts.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Find a patient…</source>
            <extracomment>Opens the search for current and discharged stays by MRN or name</extracomment>
            <translation>[Fîñd á pátîéñt…~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>PrintMenuButton</name>
        <message>
            <source>Print…</source>
            <translation>[Prîñt…~~]</translation>
        </message>
    </context>
    <context>
        <name>PrintPreview</name>
        <message>
            <source>Queued for the printer (%1)</source>
            <translation>[Qûéûéd för thé prîñtér (%1)~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>No printer is configured on this station: use PDF</source>
            <translation>[Ñö prîñtér îs çöñfîgûréd öñ thîs státîöñ: ûsé PDF~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>PDF: %1</source>
            <translation>[PDF: %1~~]</translation>
        </message>
        <message>
            <source>PDF export is not available on this station</source>
            <translation>[PDF éxpört îs ñöt áváîláblé öñ thîs státîöñ~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>◀ Prev</source>
            <translation>[◀ Prév~~]</translation>
        </message>
        <message>
            <source>Page %1 of %2</source>
            <translation>[Págé %1 öf %2~~~~]</translation>
        </message>
        <message>
            <source>Next ▶</source>
            <translation>[Ñéxt ▶~~]</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>[Prîñt~~]</translation>
        </message>
        <message>
            <source>PDF</source>
            <translation>[PDF~]</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>[Çlösé (Ésç)~~~~]</translation>
        </message>
        <message>
            <source>Building report… %1 %</source>
            <translation>[Bûîldîñg répört… %1 %~~~~~~~~]</translation>
        </message>
        <message>
            <source>← → or swipe: turn pages    Printer: %1</source>
            <translation>[← → ör swîpé: tûrñ págés    Prîñtér: %1~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Building for PACS (%1): the result shows here and on the PACS chip</source>
            <translation>[Bûîldîñg för PÁÇS (%1): thé résûlt shöws héré áñd öñ thé PÁÇS çhîp~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Send to PACS</source>
            <extracomment>Send the shown strip, range or report to the hospital's picture archive (DICOM)</extracomment>
            <translation>[Séñd tö PÁÇS~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>PrintStatusChip</name>
        <message>
            <source>Printer</source>
            <translation>[Prîñtér~~~]</translation>
        </message>
        <message>
            <source>Printer ⚠</source>
            <translation>[Prîñtér ⚠~~~~]</translation>
        </message>
        <message>
            <source>PDF only</source>
            <translation>[PDF öñlý~~~]</translation>
        </message>
        <message>
            <source>  %1 queued</source>
            <translation>[  %1 qûéûéd~~~~]</translation>
        </message>
        <message>
            <source>  %1 failed</source>
            <translation>[  %1 fáîléd~~~~]</translation>
        </message>
        <message>
            <source>Printer: %1</source>
            <translation>[Prîñtér: %1~~~~]</translation>
        </message>
        <message>
            <source>%1 waiting, %2 failed</source>
            <translation>[%1 wáîtîñg, %2 fáîléd~~~~~~~]</translation>
        </message>
        <message>
            <source>Last failure: %1</source>
            <translation>[Lást fáîlûré: %1~~~~~~]</translation>
        </message>
        <message>
            <source>Ward shift summary</source>
            <translation>[Wárd shîft sûmmárý~~~~~~~]</translation>
        </message>
        <message>
            <source>Ward event list</source>
            <translation>[Wárd évéñt lîst~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>ReviewAlarms</name>
        <message>
            <source>Acknowledged %1%2</source>
            <translation>[Áçkñöwlédgéd %1%2~~~~~]</translation>
        </message>
        <message>
            <source> by %1</source>
            <translation>[ bý %1~~]</translation>
        </message>
        <message>
            <source>No alarms in the last %1 h.</source>
            <translation>[Ñö álárms îñ thé lást %1 h.~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>No alarms in this stay.</source>
            <translation>[Ñö álárms îñ thîs stáý.~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Onset %1   ·   30 s before to 30 s after</source>
            <translation>[Öñsét %1   ·   30 s béföré tö 30 s áftér~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Choose an alarm to see its waves</source>
            <translation>[Çhöösé áñ álárm tö séé îts wávés~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Open in full disclosure</source>
            <translation>[Öpéñ îñ fûll dîsçlösûré~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Onset %1</source>
            <translation>[Öñsét %1~~]</translation>
        </message>
        <message>
            <source>Select an alarm in the list (↑ ↓, Enter)</source>
            <translation>[Séléçt áñ álárm îñ thé lîst (↑ ↓, Éñtér)~~~~~~~~~~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>ReviewDisclosure</name>
        <message>
            <source>Type a time like 03:12 or 03:12:30</source>
            <translation>[Týpé á tîmé lîké 03:12 ör 03:12:30~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Go to</source>
            <translation>[Gö tö~~]</translation>
        </message>
        <message>
            <source>Go</source>
            <translation>[Gö~]</translation>
        </message>
        <message>
            <source>Latest</source>
            <translation>[Látést~~]</translation>
        </message>
        <message>
            <source>← →  10 s     Page Up / Page Down  1 min     G  go to a time     End  latest</source>
            <translation>[← →  10 s     Págé Ûp / Págé Döwñ  1 mîñ     G  gö tö á tîmé     Éñd  látést~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>ReviewStrip</name>
        <message>
            <source>Loading waveforms…</source>
            <translation>[Löádîñg wávéförms…~~~~~~~]</translation>
        </message>
        <message>
            <source>No waveforms archived between %1 and %2.</source>
            <translation>[Ñö wávéförms árçhîvéd bétwééñ %1 áñd %2.~~~~~~~~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>ReviewTrends</name>
        <message>
            <source>Stay</source>
            <extracomment>Range: the whole hospital stay of the patient in this bed (since admission)</extracomment>
            <translation>[Stáý~~]</translation>
        </message>
        <message>
            <source>Whole range</source>
            <translation>[Whölé ráñgé~~~~]</translation>
        </message>
        <message>
            <source>Waves at %1  [W]</source>
            <translation>[Wávés át %1  [W]~~~~~~]</translation>
        </message>
        <message>
            <source>Alarms</source>
            <translation>[Álárms~~]</translation>
        </message>
        <message>
            <source>Loading trends…</source>
            <translation>[Löádîñg tréñds…~~~~~~]</translation>
        </message>
        <message>
            <source>No trends archived for this bed in the last %1 h.</source>
            <translation>[Ñö tréñds árçhîvéd för thîs béd îñ thé lást %1 h.~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>No trends archived for this stay.</source>
            <translation>[Ñö tréñds árçhîvéd för thîs stáý.~~~~~~~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>SignInPanel</name>
        <message>
            <source>New station: create the first administrator</source>
            <translation>[Ñéw státîöñ: çréáté thé fîrst ádmîñîstrátör~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Enrol an authenticator for %1</source>
            <translation>[Éñröl áñ áûthéñtîçátör för %1~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Controls locked — sign in to unlock</source>
            <translation>[Çöñtröls löçkéd — sîgñ îñ tö ûñlöçk~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Signed in: %1 (%2)</source>
            <translation>[Sîgñéd îñ: %1 (%2)~~~~~~]</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>[Sîgñ îñ~~~]</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>[Ûsér ñámé~~~~]</translation>
        </message>
        <message>
            <source>Password (8 characters or more)</source>
            <translation>[Pásswörd (8 çháráçtérs ör möré)~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Create administrator</source>
            <translation>[Çréáté ádmîñîstrátör~~~~~~~~]</translation>
        </message>
        <message>
            <source>6-digit code from the app</source>
            <translation>[6-dîgît çödé fröm thé ápp~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Confirm</source>
            <translation>[Çöñfîrm~~~]</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>[Pásswörd~~~]</translation>
        </message>
        <message>
            <source>Badge + PIN</source>
            <extracomment>Sign in with a staff badge (card) and a PIN</extracomment>
            <translation>[Bádgé + PÎÑ~~~~]</translation>
        </message>
        <message>
            <source>Badge (scan or type)</source>
            <translation>[Bádgé (sçáñ ör týpé)~~~~~~~~]</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>[PÎÑ~]</translation>
        </message>
        <message>
            <source>One-time code</source>
            <translation>[Öñé-tîmé çödé~~~~~]</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>[Çhéçkîñg…~~~~]</translation>
        </message>
        <message>
            <source>Lock now</source>
            <translation>[Löçk ñöw~~~]</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>[Sîgñ öût~~~]</translation>
        </message>
        <message>
            <source>Locks after %1 min without input. Alarms always show and sound.</source>
            <translation>[Löçks áftér %1 mîñ wîthöût îñpût. Álárms álwáýs shöw áñd söûñd.~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Manage users…</source>
            <translation>[Máñágé ûsérs…~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>SourceChip</name>
        <message>
            <source>INSECURE</source>
            <translation>[ÎÑSÉÇÛRÉ~~~]</translation>
        </message>
        <message>
            <source>Address: %1%2</source>
            <translation>[Áddréss: %1%2~~~~]</translation>
        </message>
        <message>
            <source> (TLS)</source>
            <translation>[ (TLS)~~]</translation>
        </message>
        <message>
            <source> (plaintext)</source>
            <translation>[ (pláîñtéxt)~~~~~]</translation>
        </message>
        <message>
            <source>State: %1 since %2</source>
            <translation>[Státé: %1 sîñçé %2~~~~~~]</translation>
        </message>
        <message>
            <source>Messages: %1   Errors: %2   Resent: %3</source>
            <translation>[Mésságés: %1   Érrörs: %2   Réséñt: %3~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Last message: %1</source>
            <translation>[Lást mésságé: %1~~~~~~]</translation>
        </message>
        <message>
            <source>none</source>
            <translation>[ñöñé~~]</translation>
        </message>
        <message>
            <source>Last error: %1</source>
            <translation>[Lást érrör: %1~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>StaySearch</name>
        <message>
            <source>Find a patient</source>
            <translation>[Fîñd á pátîéñt~~~~~~]</translation>
        </message>
        <message>
            <source>MRN or name</source>
            <extracomment>Search field: a medical record number or part of a patient's name</extracomment>
            <translation>[MRÑ ör ñámé~~~~]</translation>
        </message>
        <message>
            <source>No stay found for “%1”.</source>
            <translation>[Ñö stáý föûñd för “%1”.~~~~~~~~]</translation>
        </message>
        <message>
            <source>%1  ·  MRN %2  ·  born %3</source>
            <extracomment>One search result: patient name, MRN and date of birth</extracomment>
            <translation>[%1  ·  MRÑ %2  ·  börñ %3~~~~~~~~]</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>[ûñkñöwñ~~~]</translation>
        </message>
        <message>
            <source>Bed %1, admitted %2, in the bed now</source>
            <extracomment>A current stay: bed and admission time</extracomment>
            <translation>[Béd %1, ádmîttéd %2, îñ thé béd ñöw~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Bed %1, %2 to %3 (discharged)</source>
            <extracomment>A past stay: bed, admission and discharge times</extracomment>
            <translation>[Béd %1, %2 tö %3 (dîsçhárgéd)~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>[Révîéw~~]</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>[Çlösé~~]</translation>
        </message>
    </context>
    <context>
        <name>Theme</name>
        <message>
            <source>HIGH</source>
            <translation>[HÎGH~~]</translation>
        </message>
        <message>
            <source>MED</source>
            <translation>[MÉD~]</translation>
        </message>
        <message>
            <source>LOW</source>
            <translation>[LÖW~]</translation>
        </message>
        <message>
            <source>NEO</source>
            <translation>[ÑÉÖ~]</translation>
        </message>
        <message>
            <source>PAED</source>
            <translation>[PÁÉD~~]</translation>
        </message>
        <message>
            <source>ADULT</source>
            <translation>[ÁDÛLT~~]</translation>
        </message>
    </context>
    <context>
        <name>TopBar</name>
        <message>
            <source>AUDIO PAUSED [P]</source>
            <translation>[ÁÛDÎÖ PÁÛSÉD [P]~~~~~~]</translation>
        </message>
        <message>
            <source>%1 gateways</source>
            <translation>[%1 gátéwáýs~~~~]</translation>
        </message>
        <message>
            <source>%1 down</source>
            <translation>[%1 döwñ~~]</translation>
        </message>
    </context>
    <context>
        <name>UserAdminPanel</name>
        <message>
            <source>Users</source>
            <translation>[Ûsérs~~]</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>[Çlösé~~]</translation>
        </message>
        <message>
            <source>2FA</source>
            <translation>[2FÁ~]</translation>
        </message>
        <message>
            <source>Badge</source>
            <translation>[Bádgé~~]</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>[Dîsábléd~~~]</translation>
        </message>
        <message>
            <source>Locked out</source>
            <translation>[Löçkéd öût~~~~]</translation>
        </message>
        <message>
            <source>No users</source>
            <translation>[Ñö ûsérs~~~]</translation>
        </message>
        <message>
            <source>User management is not available on this station.</source>
            <translation>[Ûsér máñágéméñt îs ñöt áváîláblé öñ thîs státîöñ.~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Add a user</source>
            <translation>[Ádd á ûsér~~~~]</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>[Ûsér ñámé~~~~]</translation>
        </message>
        <message>
            <source>Initial password (8 characters or more)</source>
            <translation>[Îñîtîál pásswörd (8 çháráçtérs ör möré)~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Badge (optional)</source>
            <translation>[Bádgé (öptîöñál)~~~~~~]</translation>
        </message>
        <message>
            <source>PIN for the badge</source>
            <translation>[PÎÑ för thé bádgé~~~~~~~]</translation>
        </message>
        <message>
            <source>Add user</source>
            <translation>[Ádd ûsér~~~]</translation>
        </message>
        <message>
            <source>User %1</source>
            <translation>[Ûsér %1~~]</translation>
        </message>
        <message>
            <source>Select a user in the list</source>
            <translation>[Séléçt á ûsér îñ thé lîst~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Enable</source>
            <translation>[Éñáblé~~]</translation>
        </message>
        <message>
            <source>Disable</source>
            <translation>[Dîsáblé~~~]</translation>
        </message>
        <message>
            <source>Re-enrol 2FA</source>
            <translation>[Ré-éñröl 2FÁ~~~~~]</translation>
        </message>
        <message>
            <source>Enrol 2FA</source>
            <translation>[Éñröl 2FÁ~~~~]</translation>
        </message>
        <message>
            <source>Remove 2FA</source>
            <translation>[Rémövé 2FÁ~~~~]</translation>
        </message>
        <message>
            <source>New password (8 characters or more)</source>
            <translation>[Ñéw pásswörd (8 çháráçtérs ör möré)~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Reset password</source>
            <translation>[Rését pásswörd~~~~~~]</translation>
        </message>
        <message>
            <source>6-digit code from the app</source>
            <translation>[6-dîgît çödé fröm thé ápp~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Confirm</source>
            <translation>[Çöñfîrm~~~]</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>[Çáñçél~~]</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>[Wörkîñg…~~~]</translation>
        </message>
        <message>
            <source>Delete user…</source>
            <translation>[Délété ûsér…~~~~~]</translation>
        </message>
        <message>
            <source>Delete %1? They can no longer sign in; their audit records stay.</source>
            <translation>[Délété %1? Théý çáñ ñö löñgér sîgñ îñ; théîr áûdît réçörds stáý.~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Delete %1</source>
            <translation>[Délété %1~~~]</translation>
        </message>
        <message>
            <source>This is your own account: another administrator deletes it or changes its role.</source>
            <translation>[Thîs îs ýöûr öwñ áççöûñt: áñöthér ádmîñîstrátör délétés ît ör çháñgés îts rölé.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Change role</source>
            <translation>[Çháñgé rölé~~~~]</translation>
        </message>
        <message>
            <source>Display name (optional)</source>
            <translation>[Dîspláý ñámé (öptîöñál)~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Change display name</source>
            <translation>[Çháñgé dîspláý ñámé~~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>UserChip</name>
        <message>
            <source>🔒 LOCKED</source>
            <translation>[🔒 LÖÇKÉD~~~]</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>[Sîgñ îñ~~~]</translation>
        </message>
        <message>
            <source>Viewer</source>
            <extracomment>The role shown under the user's name; "Viewer" when nobody is signed in</extracomment>
            <translation>[Vîéwér~~]</translation>
        </message>
    </context>
    <context>
        <name>VitalsPanel</name>
        <message>
            <source>%1: not a number</source>
            <translation>[%1: ñöt á ñûmbér~~~~~~]</translation>
        </message>
        <message>
            <source>No current vitals on this bed.</source>
            <translation>[Ñö çûrréñt vîtáls öñ thîs béd.~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Validate vitals for the EHR — %1</source>
            <extracomment>Title; %1 is the bed's label. Validated vitals go to the electronic health record</extracomment>
            <translation>[Válîdáté vîtáls för thé ÉHR — %1~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Reason for the correction</source>
            <extracomment>Why the nurse corrected the measured value</extracomment>
            <translation>[Réásöñ för thé çörréçtîöñ~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Validate and chart</source>
            <extracomment>Confirm the vital signs and send them to the patient's record (EHR charting)</extracomment>
            <translation>[Válîdáté áñd çhárt~~~~~~~]</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>[Çáñçél~~]</translation>
        </message>
    </context>
    <context>
        <name>WardOverview</name>
        <message>
            <source>Waiting for data from the ward's gateways…</source>
            <translation>[Wáîtîñg för dátá fröm thé wárd's gátéwáýs…~~~~~~~~~~~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>vigil::AdtWiring</name>
        <message>
            <source>no EHR link configured</source>
            <translation>[ñö ÉHR lîñk çöñfîgûréd~~~~~~~~~]</translation>
        </message>
        <message>
            <source>the bed has no admitted patient to chart for</source>
            <translation>[thé béd hás ñö ádmîttéd pátîéñt tö çhárt för~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>the charting queue could not store the message</source>
            <translation>[thé çhártîñg qûéûé çöûld ñöt störé thé mésságé~~~~~~~~~~~~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>vigil::ClusterWiring</name>
        <message>
            <source>connecting</source>
            <translation>[çöññéçtîñg~~~~]</translation>
        </message>
        <message>
            <source>%1 at %2</source>
            <translation>[%1 át %2~~]</translation>
        </message>
        <message>
            <source>unknown user</source>
            <translation>[ûñkñöwñ ûsér~~~~~]</translation>
        </message>
        <message>
            <source>connected</source>
            <translation>[çöññéçtéd~~~~]</translation>
        </message>
        <message>
            <source>cluster unreachable</source>
            <translation>[çlûstér ûñréáçháblé~~~~~~~~]</translation>
        </message>
        <message>
            <source> · active for %1</source>
            <extracomment>Cluster status of a station that is one of a redundant pair for its unit, and now the one that publishes the unit.</extracomment>
            <translation>[ · áçtîvé för %1~~~~~~]</translation>
        </message>
        <message>
            <source> · standby for %1 (active: %2)</source>
            <extracomment>Cluster status of the standby station of a redundant pair; %2 is the active station.</extracomment>
            <translation>[ · stáñdbý för %1 (áçtîvé: %2)~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>[ûñkñöwñ~~~]</translation>
        </message>
    </context>
    <context>
        <name>vigil::DicomState</name>
        <message>
            <source>No DICOM node is configured on this station</source>
            <translation>[Ñö DÎÇÖM ñödé îs çöñfîgûréd öñ thîs státîöñ~~~~~~~~~~~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>vigil::RunMarker</name>
        <message>
            <source>Restarted at %1 after an unexpected stop</source>
            <extracomment>Shown on the station after it was restarted automatically (crash, power cut). %1 is the time.</extracomment>
            <translation>[Réstártéd át %1 áftér áñ ûñéxpéçtéd stöp~~~~~~~~~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>vigil::Station</name>
        <message>
            <source>Deteriorating: %1</source>
            <translation>[Détérîörátîñg: %1~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>vigil::StationDicom</name>
        <message>
            <source>Sent to PACS: %1</source>
            <translation>[Séñt tö PÁÇS: %1~~~~~~]</translation>
        </message>
        <message>
            <source>PACS refused %1: %2</source>
            <translation>[PÁÇS réfûséd %1: %2~~~~~~]</translation>
        </message>
        <message numerus="yes">
            <source>PACS not reached, %n object(s) wait: %1</source>
            <translation>
                <numerusform>[PÁÇS ñöt réáçhéd, %n öbjéçt(s) wáît: %1~~~~~~~~~~~~~~]</numerusform>
            </translation>
        </message>
        <message>
            <source>Unknown report '%1'</source>
            <translation>[Ûñkñöwñ répört '%1'~~~~~~~]</translation>
        </message>
        <message>
            <source>Choose a bed first</source>
            <translation>[Çhöösé á béd fîrst~~~~~~~]</translation>
        </message>
        <message>
            <source>Choose a time range first</source>
            <translation>[Çhöösé á tîmé ráñgé fîrst~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Reports need the archive</source>
            <translation>[Répörts ñééd thé árçhîvé~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Not sent: %1</source>
            <translation>[Ñöt séñt: %1~~~~]</translation>
        </message>
        <message>
            <source>Already queued or sent: %1</source>
            <translation>[Álréádý qûéûéd ör séñt: %1~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Queued for PACS: %1</source>
            <translation>[Qûéûéd för PÁÇS: %1~~~~~~~]</translation>
        </message>
        <message>
            <source>Testing %1…</source>
            <translation>[Téstîñg %1…~~~~]</translation>
        </message>
        <message>
            <source>%1 answered C-ECHO in %2 ms</source>
            <translation>[%1 áñswéréd Ç-ÉÇHÖ îñ %2 ms~~~~~~~~~]</translation>
        </message>
        <message>
            <source>%1: %2 (%3)</source>
            <translation>[%1: %2 (%3)~~]</translation>
        </message>
        <message>
            <source>PACS refused %1, kept in the queue: %2</source>
            <translation>[PÁÇS réfûséd %1, képt îñ thé qûéûé: %2~~~~~~~~~~~~~~]</translation>
        </message>
        <message numerus="yes">
            <source>Retrying %n waiting object(s) now</source>
            <translation>
                <numerusform>[Rétrýîñg %n wáîtîñg öbjéçt(s) ñöw~~~~~~~~~~~~]</numerusform>
            </translation>
        </message>
        <message>
            <source>This object is not waiting in the queue as refused</source>
            <translation>[Thîs öbjéçt îs ñöt wáîtîñg îñ thé qûéûé ás réfûséd~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Discarded %1; it will not be sent</source>
            <translation>[Dîsçárdéd %1; ît wîll ñöt bé séñt~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Not discarded: %1</source>
            <translation>[Ñöt dîsçárdéd: %1~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>vigil::alarms::AlarmListModel</name>
        <message>
            <source>active</source>
            <extracomment>Alarm state: the alarm condition is present now</extracomment>
            <translation>[áçtîvé~~]</translation>
        </message>
        <message>
            <source>latched</source>
            <extracomment>Alarm state: the condition has ended but the alarm stays on until a nurse resets it (latching alarm)</extracomment>
            <translation>[látçhéd~~~]</translation>
        </message>
        <message>
            <source>ended</source>
            <extracomment>Alarm state: the alarm condition has ended</extracomment>
            <translation>[éñdéd~~]</translation>
        </message>
        <message>
            <source>sending</source>
            <extracomment>Alarm sent to the alert manager (nurses' phones/pagers), no answer yet</extracomment>
            <translation>[séñdîñg~~~]</translation>
        </message>
        <message>
            <source>delivered</source>
            <extracomment>The alert manager delivered the alarm to a nurse's phone or pager</extracomment>
            <translation>[délîvéréd~~~~]</translation>
        </message>
        <message>
            <source>read</source>
            <extracomment>The nurse opened the alarm message on the phone</extracomment>
            <translation>[réád~~]</translation>
        </message>
        <message>
            <source>accepted</source>
            <extracomment>A nurse accepted (took over) the alarm on the phone</extracomment>
            <translation>[áççéptéd~~~]</translation>
        </message>
        <message>
            <source>not delivered</source>
            <extracomment>The alert manager could not deliver the alarm to a phone or pager</extracomment>
            <translation>[ñöt délîvéréd~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>vigil::census::Census</name>
        <message>
            <source>no census at this station</source>
            <translation>[ñö çéñsûs át thîs státîöñ~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>no identity mismatch on this bed</source>
            <translation>[ñö îdéñtîtý mîsmátçh öñ thîs béd~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>bed has no stay</source>
            <translation>[béd hás ñö stáý~~~~~~]</translation>
        </message>
        <message>
            <source>a corrected value needs a reason</source>
            <translation>[á çörréçtéd válûé ñééds á réásöñ~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>no vitals to chart</source>
            <translation>[ñö vîtáls tö çhárt~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>vigil::census::CensusState</name>
        <message>
            <source>bed outside the station's units</source>
            <translation>[béd öûtsîdé thé státîöñ's ûñîts~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>transfer outside the station's units</source>
            <translation>[tráñsfér öûtsîdé thé státîöñ's ûñîts~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>discharge outside the station's units</source>
            <translation>[dîsçhárgé öûtsîdé thé státîöñ's ûñîts~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>discharge of patient %1, who has no stay at this station</source>
            <translation>[dîsçhárgé öf pátîéñt %1, whö hás ñö stáý át thîs státîöñ~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>update for a patient outside the station's units</source>
            <translation>[ûpdáté för á pátîéñt öûtsîdé thé státîöñ's ûñîts~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>update for patient %1, who has no stay at this station</source>
            <translation>[ûpdáté för pátîéñt %1, whö hás ñö stáý át thîs státîöñ~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>nothing changed</source>
            <translation>[ñöthîñg çháñgéd~~~~~~]</translation>
        </message>
        <message>
            <source>cancel admit outside the station's units</source>
            <translation>[çáñçél ádmît öûtsîdé thé státîöñ's ûñîts~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>cancel admit of patient %1, who has no stay at this station</source>
            <translation>[çáñçél ádmît öf pátîéñt %1, whö hás ñö stáý át thîs státîöñ~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>cancel transfer outside the station's units</source>
            <translation>[çáñçél tráñsfér öûtsîdé thé státîöñ's ûñîts~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>cancel transfer of patient %1, who has no stay at this station</source>
            <translation>[çáñçél tráñsfér öf pátîéñt %1, whö hás ñö stáý át thîs státîöñ~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>cancel transfer of patient %1: no transfer to cancel</source>
            <translation>[çáñçél tráñsfér öf pátîéñt %1: ñö tráñsfér tö çáñçél~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>cancel discharge of patient %1, who is in bed %2</source>
            <translation>[çáñçél dîsçhárgé öf pátîéñt %1, whö îs îñ béd %2~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>cancel discharge outside the station's units</source>
            <translation>[çáñçél dîsçhárgé öûtsîdé thé státîöñ's ûñîts~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>cancel discharge of patient %1: no discharge to cancel</source>
            <translation>[çáñçél dîsçhárgé öf pátîéñt %1: ñö dîsçhárgé tö çáñçél~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>cancel discharge of patient %1: bed %2 is occupied by %3</source>
            <translation>[çáñçél dîsçhárgé öf pátîéñt %1: béd %2 îs öççûpîéd bý %3~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>unsupported event</source>
            <translation>[ûñsûppörtéd évéñt~~~~~~~]</translation>
        </message>
        <message>
            <source>bed %1 does not exist at this station</source>
            <translation>[béd %1 döés ñöt éxîst át thîs státîöñ~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>a patient needs a medical record number</source>
            <translation>[á pátîéñt ñééds á médîçál réçörd ñûmbér~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>patient %1 is already in bed %2</source>
            <translation>[pátîéñt %1 îs álréádý îñ béd %2~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>already admitted to this bed</source>
            <translation>[álréádý ádmîttéd tö thîs béd~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>bed %1 is occupied by patient %2</source>
            <translation>[béd %1 îs öççûpîéd bý pátîéñt %2~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>bed %1 has no stay</source>
            <translation>[béd %1 hás ñö stáý~~~~~~]</translation>
        </message>
        <message>
            <source>bed %1 has no admitted patient</source>
            <translation>[béd %1 hás ñö ádmîttéd pátîéñt~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>patient %1 has no stay at this station</source>
            <translation>[pátîéñt %1 hás ñö stáý át thîs státîöñ~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>already in bed %1</source>
            <translation>[álréádý îñ béd %1~~~~~~]</translation>
        </message>
        <message>
            <source>swap outside the station's units</source>
            <translation>[swáp öûtsîdé thé státîöñ's ûñîts~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>swap without a second patient</source>
            <translation>[swáp wîthöût á séçöñd pátîéñt~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>swap of patients %1 and %2: %3 has no stay at this station</source>
            <translation>[swáp öf pátîéñts %1 áñd %2: %3 hás ñö stáý át thîs státîöñ~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>swap of patient %1 with itself</source>
            <translation>[swáp öf pátîéñt %1 wîth îtsélf~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>merge without MRG-1 (the identifier that is merged)</source>
            <translation>[mérgé wîthöût MRG-1 (thé îdéñtîfîér thát îs mérgéd)~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>merge of an identifier into itself</source>
            <translation>[mérgé öf áñ îdéñtîfîér îñtö îtsélf~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>merge of %1 into %2: both have a stay here (beds %3 and %4)</source>
            <translation>[mérgé öf %1 îñtö %2: böth hávé á stáý héré (béds %3 áñd %4)~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>merged identifier %1 has no stay at this station</source>
            <translation>[mérgéd îdéñtîfîér %1 hás ñö stáý át thîs státîöñ~~~~~~~~~~~~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>vigil::cluster::ClusterLink</name>
        <message>
            <source>connecting</source>
            <translation>[çöññéçtîñg~~~~]</translation>
        </message>
        <message>
            <source>cluster unreachable</source>
            <translation>[çlûstér ûñréáçháblé~~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>vigil::ehr::EhrLink</name>
        <message>
            <source>no ACK from the EHR within %1 s</source>
            <translation>[ñö ÁÇK fröm thé ÉHR wîthîñ %1 s~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>EHR link: %1; retrying in %2 s</source>
            <translation>[ÉHR lîñk: %1; rétrýîñg îñ %2 s~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>EHR link: %1</source>
            <translation>[ÉHR lîñk: %1~~~~]</translation>
        </message>
        <message>
            <source>EHR queue: cannot store %1: %2</source>
            <translation>[ÉHR qûéûé: çáññöt störé %1: %2~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>EHR queue: %1</source>
            <translation>[ÉHR qûéûé: %1~~~~]</translation>
        </message>
        <message>
            <source>the EHR closed the connection</source>
            <translation>[thé ÉHR çlöséd thé çöññéçtîöñ~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>EHR link: connected to %1</source>
            <translation>[ÉHR lîñk: çöññéçtéd tö %1~~~~~~~~~]</translation>
        </message>
        <message>
            <source>EHR link: %1; reconnecting in %2 s</source>
            <translation>[ÉHR lîñk: %1; réçöññéçtîñg îñ %2 s~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>EHR rejected %1 (%2): not sent again</source>
            <translation>[ÉHR réjéçtéd %1 (%2): ñöt séñt ágáîñ~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>EHR answered %1 to %2: sent again in %3 s</source>
            <translation>[ÉHR áñswéréd %1 tö %2: séñt ágáîñ îñ %3 s~~~~~~~~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>vigil::scores::News2Board</name>
        <message>
            <source>No bed</source>
            <translation>[Ñö béd~~]</translation>
        </message>
        <message>
            <source>%1: %2 is not plausible</source>
            <translation>[%1: %2 îs ñöt pláûsîblé~~~~~~~~]</translation>
        </message>
        <message>
            <source>Unknown parameter %1</source>
            <translation>[Ûñkñöwñ párámétér %1~~~~~~~]</translation>
        </message>
        <message>
            <source>ACVPU is one of A C V P U</source>
            <translation>[ÁÇVPÛ îs öñé öf Á Ç V P Û~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Resp rate</source>
            <extracomment>NEWS2 parameter: respiration rate (breaths per minute). Short: a narrow column.</extracomment>
            <translation>[Résp ráté~~~~]</translation>
        </message>
        <message>
            <source>SpO2</source>
            <extracomment>NEWS2 parameter: oxygen saturation; keep the abbreviation SpO2</extracomment>
            <translation>[SpÖ2~~]</translation>
        </message>
        <message>
            <source>Air/O2</source>
            <extracomment>NEWS2 parameter: is the patient breathing room air or given supplemental oxygen (O2)?</extracomment>
            <translation>[Áîr/Ö2~~]</translation>
        </message>
        <message>
            <source>Sys BP</source>
            <extracomment>NEWS2 parameter: systolic blood pressure. Short: a narrow column.</extracomment>
            <translation>[Sýs BP~~]</translation>
        </message>
        <message>
            <source>Pulse</source>
            <extracomment>NEWS2 parameter: pulse (heart rate)</extracomment>
            <translation>[Pûlsé~~]</translation>
        </message>
        <message>
            <source>ACVPU</source>
            <extracomment>NEWS2 parameter: level of consciousness on the ACVPU scale; keep the abbreviation ACVPU</extracomment>
            <translation>[ÁÇVPÛ~~]</translation>
        </message>
        <message>
            <source>Temp</source>
            <extracomment>NEWS2 parameter: body temperature. Short: a narrow column.</extracomment>
            <translation>[Témp~~]</translation>
        </message>
        <message>
            <source>routine</source>
            <extracomment>NEWS2 clinical response for a total of 0: routine monitoring</extracomment>
            <translation>[röûtîñé~~~]</translation>
        </message>
        <message>
            <source>low</source>
            <extracomment>NEWS2 clinical response "low" (total 1-4): ward-based response</extracomment>
            <translation>[löw~]</translation>
        </message>
        <message>
            <source>low-medium</source>
            <extracomment>NEWS2 clinical response "low-medium" (a 3 in one parameter): urgent ward-based response</extracomment>
            <translation>[löw-médîûm~~~~]</translation>
        </message>
        <message>
            <source>medium</source>
            <extracomment>NEWS2 clinical response "medium" (total 5-6): urgent response</extracomment>
            <translation>[médîûm~~]</translation>
        </message>
        <message>
            <source>high</source>
            <extracomment>NEWS2 clinical response "high" (total 7 or more): emergency response</extracomment>
            <translation>[hîgh~~]</translation>
        </message>
        <message>
            <source>monitor</source>
            <extracomment>Where a NEWS2 value came from: the bedside monitor (not entered by hand)</extracomment>
            <translation>[möñîtör~~~]</translation>
        </message>
        <message>
            <source>nurse %1</source>
            <extracomment>Where a NEWS2 value came from: entered by the nurse %1 (a user name)</extracomment>
            <translation>[ñûrsé %1~~]</translation>
        </message>
        <message>
            <source>%1 missing</source>
            <extracomment>NEWS2: this parameter (%1) has no value, so the score is incomplete</extracomment>
            <translation>[%1 mîssîñg~~~]</translation>
        </message>
        <message>
            <source>%1 stale</source>
            <extracomment>NEWS2: this parameter's (%1) value is too old to count</extracomment>
            <translation>[%1 stálé~~]</translation>
        </message>
        <message>
            <source>O2</source>
            <extracomment>NEWS2: the patient is given supplemental oxygen (O2) / breathes room air</extracomment>
            <translation>[Ö2~]</translation>
        </message>
        <message>
            <source>Air</source>
            <translation>[Áîr~]</translation>
        </message>
    </context>
    <context>
        <name>vigil::security</name>
        <message>
            <source>Viewer</source>
            <extracomment>Role: nobody signed in, the ward display</extracomment>
            <translation>[Vîéwér~~]</translation>
        </message>
        <message>
            <source>Nurse</source>
            <extracomment>Role: a ward nurse</extracomment>
            <translation>[Ñûrsé~~]</translation>
        </message>
        <message>
            <source>Charge nurse</source>
            <extracomment>Role: the nurse in charge of the shift</extracomment>
            <translation>[Çhárgé ñûrsé~~~~~]</translation>
        </message>
        <message>
            <source>Biomed</source>
            <extracomment>Role: biomedical / clinical engineering staff</extracomment>
            <translation>[Bîöméd~~]</translation>
        </message>
        <message>
            <source>Administrator</source>
            <extracomment>Role: the station's IT administrator</extracomment>
            <translation>[Ádmîñîstrátör~~~~~]</translation>
        </message>
        <message>
            <source>acknowledge alarms</source>
            <extracomment>Permission: acknowledge an alarm condition</extracomment>
            <translation>[áçkñöwlédgé álárms~~~~~~~]</translation>
        </message>
        <message>
            <source>pause alarm audio</source>
            <extracomment>Permission: pause the alarm sound or a bed's alarms</extracomment>
            <translation>[páûsé álárm áûdîö~~~~~~~]</translation>
        </message>
        <message>
            <source>reset alarms</source>
            <extracomment>Permission: reset a latched alarm</extracomment>
            <translation>[rését álárms~~~~~]</translation>
        </message>
        <message>
            <source>change alarm limits</source>
            <extracomment>Permission: change a patient's alarm limits</extracomment>
            <translation>[çháñgé álárm lîmîts~~~~~~~~]</translation>
        </message>
        <message>
            <source>chart and hand over</source>
            <extracomment>Permission: write handover notes and validate charted values</extracomment>
            <translation>[çhárt áñd háñd övér~~~~~~~~]</translation>
        </message>
        <message>
            <source>admit, transfer or discharge</source>
            <extracomment>Permission: admit, transfer or discharge a patient</extracomment>
            <translation>[ádmît, tráñsfér ör dîsçhárgé~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>print and export</source>
            <translation>[prîñt áñd éxpört~~~~~~]</translation>
        </message>
        <message>
            <source>choose the NEWS2 scale</source>
            <extracomment>Permission: choose the NEWS2 SpO2 scale of a patient</extracomment>
            <translation>[çhöösé thé ÑÉWS2 sçálé~~~~~~~~~]</translation>
        </message>
        <message>
            <source>configure the station</source>
            <translation>[çöñfîgûré thé státîöñ~~~~~~~~]</translation>
        </message>
        <message>
            <source>manage users</source>
            <translation>[máñágé ûsérs~~~~~]</translation>
        </message>
        <message>
            <source>use the archive tools</source>
            <translation>[ûsé thé árçhîvé tööls~~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>vigil::security::Access</name>
        <message>
            <source>The controls are locked: sign in to %1.</source>
            <translation>[Thé çöñtröls áré löçkéd: sîgñ îñ tö %1.~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Sign in to %1.</source>
            <translation>[Sîgñ îñ tö %1.~~~~~]</translation>
        </message>
        <message>
            <source>A %1 may not %2.</source>
            <translation>[Á %1 máý ñöt %2.~~~~~]</translation>
        </message>
        <message>
            <source>Sign-in is not available on this station.</source>
            <translation>[Sîgñ-îñ îs ñöt áváîláblé öñ thîs státîöñ.~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Enter the 6-digit code from your authenticator.</source>
            <translation>[Éñtér thé 6-dîgît çödé fröm ýöûr áûthéñtîçátör.~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Your role needs a second factor: scan the code with an authenticator app, then enter the 6-digit code it shows.</source>
            <translation>[Ýöûr rölé ñééds á séçöñd fáçtör: sçáñ thé çödé wîth áñ áûthéñtîçátör ápp, théñ éñtér thé 6-dîgît çödé ît shöws.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Sign-in failed.</source>
            <translation>[Sîgñ-îñ fáîléd.~~~~~~]</translation>
        </message>
        <message>
            <source>Authenticator enrolled: sign in with your password and a code.</source>
            <translation>[Áûthéñtîçátör éñrölléd: sîgñ îñ wîth ýöûr pásswörd áñd á çödé.~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>That code does not match: try the next one.</source>
            <translation>[Thát çödé döés ñöt mátçh: trý thé ñéxt öñé.~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Administrator %1 created: sign in.</source>
            <translation>[Ádmîñîstrátör %1 çréátéd: sîgñ îñ.~~~~~~~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>vigil::security::UserAdmin</name>
        <message>
            <source>User management needs the station's user database ([security] enabled).</source>
            <translation>[Ûsér máñágéméñt ñééds thé státîöñ's ûsér dátábásé ([séçûrîtý] éñábléd).~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Still working on the last change.</source>
            <translation>[Stîll wörkîñg öñ thé lást çháñgé.~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>A user name is 1 to 64 characters.</source>
            <translation>[Á ûsér ñámé îs 1 tö 64 çháráçtérs.~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Choose a role.</source>
            <translation>[Çhöösé á rölé.~~~~~~]</translation>
        </message>
        <message>
            <source>The initial password needs at least 8 characters.</source>
            <translation>[Thé îñîtîál pásswörd ñééds át léást 8 çháráçtérs.~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>A badge needs a PIN of at least 4 digits.</source>
            <translation>[Á bádgé ñééds á PÎÑ öf át léást 4 dîgîts.~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>User %1 exists already.</source>
            <translation>[Ûsér %1 éxîsts álréádý.~~~~~~~~]</translation>
        </message>
        <message>
            <source>User %1 added as %2.</source>
            <translation>[Ûsér %1 áddéd ás %2.~~~~~~]</translation>
        </message>
        <message>
            <source>No user %1.</source>
            <translation>[Ñö ûsér %1.~~~~]</translation>
        </message>
        <message>
            <source>You cannot disable your own account.</source>
            <translation>[Ýöû çáññöt dîsáblé ýöûr öwñ áççöûñt.~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>%1 is the last active administrator.</source>
            <translation>[%1 îs thé lást áçtîvé ádmîñîstrátör.~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>User %1 disabled: they cannot sign in.</source>
            <translation>[Ûsér %1 dîsábléd: théý çáññöt sîgñ îñ.~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>User %1 enabled.</source>
            <translation>[Ûsér %1 éñábléd.~~~~~~]</translation>
        </message>
        <message>
            <source>The new password needs at least 8 characters.</source>
            <translation>[Thé ñéw pásswörd ñééds át léást 8 çháráçtérs.~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Password of %1 reset.</source>
            <translation>[Pásswörd öf %1 rését.~~~~~~~~]</translation>
        </message>
        <message>
            <source>%1 scans the code with an authenticator app, then enters the 6-digit code it shows.</source>
            <translation>[%1 sçáñs thé çödé wîth áñ áûthéñtîçátör ápp, théñ éñtérs thé 6-dîgît çödé ît shöws.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Authenticator enrolled for %1.</source>
            <translation>[Áûthéñtîçátör éñrölléd för %1.~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>That code does not match: try the next one.</source>
            <translation>[Thát çödé döés ñöt mátçh: trý thé ñéxt öñé.~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Authenticator of %1 removed: a new one is enrolled at the next sign-in if the role needs it.</source>
            <translation>[Áûthéñtîçátör öf %1 rémövéd: á ñéw öñé îs éñrölléd át thé ñéxt sîgñ-îñ îf thé rölé ñééds ît.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>%1 is already %2.</source>
            <translation>[%1 îs álréádý %2.~~~~~]</translation>
        </message>
        <message>
            <source>You cannot change your own role: another administrator does it.</source>
            <translation>[Ýöû çáññöt çháñgé ýöûr öwñ rölé: áñöthér ádmîñîstrátör döés ît.~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>%1 is now %2.</source>
            <translation>[%1 îs ñöw %2.~~~~]</translation>
        </message>
        <message>
            <source>A display name is at most 64 characters.</source>
            <translation>[Á dîspláý ñámé îs át möst 64 çháráçtérs.~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>The display name of %1 is unchanged.</source>
            <translation>[Thé dîspláý ñámé öf %1 îs ûñçháñgéd.~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>%1 is shown by the user name now.</source>
            <translation>[%1 îs shöwñ bý thé ûsér ñámé ñöw.~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>%1 is shown as %2.</source>
            <translation>[%1 îs shöwñ ás %2.~~~~~~]</translation>
        </message>
        <message>
            <source>You cannot delete your own account.</source>
            <translation>[Ýöû çáññöt délété ýöûr öwñ áççöûñt.~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>User %1 deleted; their audit records stay.</source>
            <translation>[Ûsér %1 délétéd; théîr áûdît réçörds stáý.~~~~~~~~~~~~~~~~]</translation>
        </message>
    </context>
</TS>
