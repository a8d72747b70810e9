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
            <translation>[Áçk [Á]~~~]</translation>
        </message>
        <message>
            <source>Audio pause [P]</source>
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
            <translation>[Áçk~]</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>[Rését~~]</translation>
        </message>
        <message>
            <source>No alarms</source>
            <translation>[Ñö álárms~~~~]</translation>
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
            <translation>[Résûmé álárms (páûséd %1)~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Pause bed alarms</source>
            <translation>[Páûsé béd álárms~~~~~~]</translation>
        </message>
        <message>
            <source>Reset latched</source>
            <translation>[Rését látçhéd~~~~~]</translation>
        </message>
        <message>
            <source>Alarm limits…</source>
            <translation>[Álárm lîmîts…~~~~~]</translation>
        </message>
        <message>
            <source>  (custom)</source>
            <translation>[  (çûstöm)~~~~]</translation>
        </message>
        <message>
            <source>Handover…</source>
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
            <translation>[Álárm strîp (lást 20 s)~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Event list</source>
            <translation>[Évéñt lîst~~~~]</translation>
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
            <translation>[Révîéw  ·  %1~~~~]</translation>
        </message>
        <message>
            <source>Trends</source>
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
    </context>
    <context>
        <name>HandoverPanel</name>
        <message>
            <source>Handover (I-PASS)</source>
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
        <name>WardOverview</name>
        <message>
            <source>Waiting for data from the ward's gateways…</source>
            <translation>[Wáîtîñg för dátá fröm thé wárd's gátéwáýs…~~~~~~~~~~~~~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>vigil::EcgWiring</name>
        <message>
            <source>ECG noisy: central analysis suspended</source>
            <translation>[ÉÇG ñöîsý: çéñtrál áñálýsîs sûspéñdéd~~~~~~~~~~~~~~~]</translation>
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
            <source>NEWS2 %1: emergency response</source>
            <translation>[ÑÉWS2 %1: émérgéñçý réspöñsé~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>NEWS2 %1: urgent response</source>
            <translation>[ÑÉWS2 %1: ûrgéñt réspöñsé~~~~~~~~~]</translation>
        </message>
        <message>
            <source>NEWS2: a 3 in one parameter, urgent ward review</source>
            <translation>[ÑÉWS2: á 3 îñ öñé párámétér, ûrgéñt wárd révîéw~~~~~~~~~~~~~~~~~~~]</translation>
        </message>
        <message>
            <source>Deteriorating: %1</source>
            <translation>[Détérîörátîñg: %1~~~~~~]</translation>
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
    </context>
</TS>
