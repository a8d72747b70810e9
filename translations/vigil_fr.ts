<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AlarmBar</name>
    <message>
        <source>No active alarms</source>
        <translation>Aucune alarme active</translation>
    </message>
    <message>
        <source>✓ acknowledged</source>
        <translation>✓ acquittée</translation>
    </message>
    <message>
        <source>ESCALATED</source>
        <translation>ESCALADÉE</translation>
    </message>
    <message>
        <source>unack.</source>
        <translation>non acq.</translation>
    </message>
    <message>
        <source>Ack [A]</source>
        <extracomment>Acknowledge the alarm (IEC 60601-1-8: the nurse has seen it; it stops the sound, the alarm stays). [A] = keyboard key, keep it</extracomment>
        <translation>Acq. [A]</translation>
    </message>
    <message>
        <source>Audio pause [P]</source>
        <extracomment>Silence the alarm sound for a while (audio paused, IEC 60601-1-8); the alarms stay shown. [P] = keyboard key</extracomment>
        <translation>Pause audio [P]</translation>
    </message>
    <message>
        <source>Alarms [L]</source>
        <translation>Alarmes [L]</translation>
    </message>
</context>
<context>
    <name>AlarmCentre</name>
    <message>
        <source>Alarms — %1 signalling, %2 unacknowledged</source>
        <translation>Alarmes — %1 actives, %2 non acquittées</translation>
    </message>
    <message>
        <source>1 update waiting</source>
        <translation>1 mise à jour en attente</translation>
    </message>
    <message>
        <source>%1 updates waiting</source>
        <translation>%1 mises à jour en attente</translation>
    </message>
    <message>
        <source> — release to refresh</source>
        <translation> — relâcher pour actualiser</translation>
    </message>
    <message>
        <source>Close [Esc]</source>
        <translation>Fermer [Échap]</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Lit</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Centrale</translation>
    </message>
    <message>
        <source>paused</source>
        <extracomment>Alarm state: the bed&apos;s alarms are paused (not signalled at all for a while), not a pause in the ECG</extracomment>
        <translation>en pause</translation>
    </message>
    <message>
        <source>reset (%1)</source>
        <translation>réinitialisée (%1)</translation>
    </message>
    <message>
        <source> · escalated</source>
        <translation> · escaladée</translation>
    </message>
    <message>
        <source> · ack %1</source>
        <translation> · acq. %1</translation>
    </message>
    <message>
        <source>Ack</source>
        <extracomment>Short for acknowledge an alarm (the nurse has seen it). Narrow button</extracomment>
        <translation>Acq.</translation>
    </message>
    <message>
        <source>Reset</source>
        <extracomment>Clear a latched alarm whose cause has ended (IEC 60601-1-8 alarm reset). Narrow button</extracomment>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>No alarms</source>
        <translation>Aucune alarme</translation>
    </message>
</context>
<context>
    <name>AlarmText</name>
    <message>
        <source>, now %1</source>
        <extracomment>Alarm numbers: the value that triggered, then the current value (&quot;85 &lt; 90, now 92&quot;).</extracomment>
        <translation>, maintenant %1</translation>
    </message>
    <message>
        <source>Station</source>
        <extracomment>Where an alarm is: the central station itself (not a bed), e.g. a gateway link down.</extracomment>
        <translation>Centrale</translation>
    </message>
    <message>
        <source>%1 high</source>
        <extracomment>Alarm condition: a measured value above its upper alarm limit. %1 = parameter label (HR, SpO2, NIBP sys), keep it as is. Short: it is shown in the alarm bar and on the bed tile.</extracomment>
        <translation>%1 haute</translation>
    </message>
    <message>
        <source>%1 low</source>
        <extracomment>Alarm condition: a measured value below its lower alarm limit. %1 = parameter label, keep it as is.</extracomment>
        <translation>%1 basse</translation>
    </message>
    <message>
        <source>%1 alarm</source>
        <extracomment>Alarm condition of a parameter without a direction. %1 = parameter label, keep it as is.</extracomment>
        <translation>Alarme %1</translation>
    </message>
    <message>
        <source>%1: no current value</source>
        <extracomment>Technical alarm: the parameter (%1, e.g. HR) has not sent a value for too long; the number shown is stale.</extracomment>
        <translation>%1 : pas de valeur actuelle</translation>
    </message>
    <message>
        <source>Gateway link down</source>
        <extracomment>Technical alarm: the network link to the gateway (the bedside monitors&apos; concentrator) is down.</extracomment>
        <translation>Liaison passerelle interrompue</translation>
    </message>
    <message>
        <source>No data</source>
        <extracomment>Technical alarm: a bed&apos;s monitor sends no data at all.</extracomment>
        <translation>Pas de données</translation>
    </message>
    <message>
        <source>ECG lead off</source>
        <extracomment>Technical alarm: an ECG electrode (lead = electrode wire, not &quot;to lead&quot;) has come off the patient.</extracomment>
        <translation>Électrode ECG déconnectée</translation>
    </message>
    <message>
        <source>SpO2 sensor off</source>
        <extracomment>Technical alarm: the pulse oximeter (SpO2) sensor is off the patient&apos;s finger.</extracomment>
        <translation>Capteur SpO2 déconnecté</translation>
    </message>
    <message>
        <source>%1 sensor off</source>
        <extracomment>Technical alarm: the sensor of parameter %1 (e.g. etCO2) is off or unplugged. Keep %1 as is.</extracomment>
        <translation>Capteur %1 déconnecté</translation>
    </message>
    <message>
        <source>Waveform gap</source>
        <extracomment>Technical alarm: the waveform (ECG, pleth curve) had a gap: samples were lost.</extracomment>
        <translation>Interruption de courbe</translation>
    </message>
    <message>
        <source>Alert manager not answering</source>
        <extracomment>Technical alarm: the alert manager (forwards alarms to nurses&apos; phones and pagers) does not answer.</extracomment>
        <translation>Le gestionnaire d&apos;alarmes ne répond pas</translation>
    </message>
    <message>
        <source>Archive failure</source>
        <extracomment>Technical alarm: the station cannot write its archive (recorded vital signs and alarms).</extracomment>
        <translation>Défaillance de l&apos;archive</translation>
    </message>
    <message>
        <source>ARCHIVE: %1</source>
        <extracomment>Technical alarm, %1 = what failed (a technical message, shown as is).</extracomment>
        <translation>ARCHIVE : %1</translation>
    </message>
    <message>
        <source>Gateway %1: no heartbeat for %2 s</source>
        <extracomment>Technical alarm: %1 = gateway name; it sent no heartbeat (keep-alive message) for %2 seconds.</extracomment>
        <translation>Passerelle %1 : aucun signal de vie depuis %2 s</translation>
    </message>
    <message>
        <source>%1: link down</source>
        <extracomment>Technical alarm: %1 = gateway or source name; its link is down.</extracomment>
        <translation>%1 : liaison interrompue</translation>
    </message>
    <message>
        <source>%1: link down (%2)</source>
        <extracomment>Technical alarm: %1 = gateway or source name, %2 = the reason (technical, shown as is).</extracomment>
        <translation>%1 : liaison interrompue (%2)</translation>
    </message>
    <message>
        <source>%1: link down: 1 bed unwatched (%2)</source>
        <extracomment>Technical alarm: %1 = source name; one bed (%2 = its label) is no longer watched.</extracomment>
        <translation>%1 : liaison interrompue : 1 lit non surveillé (%2)</translation>
    </message>
    <message>
        <source>%1: link down: %2 beds unwatched (%3)</source>
        <extracomment>Technical alarm: %1 = source name, %2 = number of beds (2 or more) no longer watched, %3 = their labels.</extracomment>
        <translation>%1 : liaison interrompue : %2 lits non surveillés (%3)</translation>
    </message>
    <message>
        <source>%1: link down (%2): 1 bed unwatched (%3)</source>
        <extracomment>Technical alarm: %1 = source name, %2 = reason, one bed (%3 = its label) is no longer watched.</extracomment>
        <translation>%1 : liaison interrompue (%2) : 1 lit non surveillé (%3)</translation>
    </message>
    <message>
        <source>%1: link down (%2): %3 beds unwatched (%4)</source>
        <extracomment>Technical alarm: %1 = source name, %2 = reason, %3 = number of beds (2 or more), %4 = their labels.</extracomment>
        <translation>%1 : liaison interrompue (%2) : %3 lits non surveillés (%4)</translation>
    </message>
    <message>
        <source>Alert manager: no reply for %1 %2</source>
        <extracomment>Technical alarm: the alert manager did not confirm an alarm sent to it. %1 = bed, %2 = the alarm.</extracomment>
        <translation>Gestionnaire d&apos;alarmes : pas de réponse pour %1 %2</translation>
    </message>
    <message>
        <source>Alert manager: delivery failed</source>
        <extracomment>Technical alarm: the alert manager could not deliver an alarm to a nurse&apos;s phone or pager.</extracomment>
        <translation>Gestionnaire d&apos;alarmes : échec de la transmission</translation>
    </message>
    <message>
        <source>Alert manager: delivery failed (%1)</source>
        <extracomment>Technical alarm: %1 = the alert manager&apos;s reason (technical, shown as is).</extracomment>
        <translation>Gestionnaire d&apos;alarmes : échec de la transmission (%1)</translation>
    </message>
    <message>
        <source>Alert manager: delivery failed for %1 %2</source>
        <extracomment>Technical alarm: %1 = bed, %2 = the alarm that was not delivered to the nurse&apos;s phone or pager.</extracomment>
        <translation>Gestionnaire d&apos;alarmes : échec de la transmission pour %1 %2</translation>
    </message>
    <message>
        <source>Alert manager: delivery failed for %1 %2 (%3)</source>
        <extracomment>Technical alarm: %1 = bed, %2 = the alarm not delivered, %3 = the alert manager&apos;s reason (as is).</extracomment>
        <translation>Gestionnaire d&apos;alarmes : échec de la transmission pour %1 %2 (%3)</translation>
    </message>
    <message>
        <source>NEWS2 %1: emergency response</source>
        <extracomment>Advisory alarm: NEWS2 (National Early Warning Score 2, keep the name) total %1 calls for an emergency response (the rapid response / medical emergency team).</extracomment>
        <translation>NEWS2 %1 : réponse d&apos;urgence</translation>
    </message>
    <message>
        <source>NEWS2 %1: urgent response</source>
        <extracomment>Advisory alarm: NEWS2 total %1 calls for an urgent response (urgent review by a clinician).</extracomment>
        <translation>NEWS2 %1 : réponse urgente</translation>
    </message>
    <message>
        <source>NEWS2: a 3 in one parameter, urgent ward review</source>
        <extracomment>Advisory alarm: one NEWS2 parameter scored 3 (the maximum): an urgent review on the ward is due.</extracomment>
        <translation>NEWS2 : un 3 sur un paramètre, évaluation urgente dans le service</translation>
    </message>
    <message>
        <source>Asystole (central)</source>
        <extracomment>ECG rhythm alarm found by the station&apos;s own (central) ECG analysis: asystole (no heart activity).</extracomment>
        <translation>Asystolie (centrale)</translation>
    </message>
    <message>
        <source>Pause (central)</source>
        <extracomment>ECG rhythm alarm of the central analysis: a pause = a long gap between heart beats (not &quot;pause the alarm&quot;).</extracomment>
        <translation>Pause (centrale)</translation>
    </message>
    <message>
        <source>Extreme brady (central)</source>
        <extracomment>ECG rhythm alarm of the central analysis: extreme bradycardia (very slow heart rate).</extracomment>
        <translation>Bradycardie extrême (centrale)</translation>
    </message>
    <message>
        <source>Extreme tachy (central)</source>
        <extracomment>ECG rhythm alarm of the central analysis: extreme tachycardia (very fast heart rate).</extracomment>
        <translation>Tachycardie extrême (centrale)</translation>
    </message>
    <message>
        <source>Extreme brady (central) HR %1</source>
        <extracomment>ECG rhythm alarm with the heart rate %1 (beats per minute): extreme bradycardia.</extracomment>
        <translation>Bradycardie extrême (centrale) HR %1</translation>
    </message>
    <message>
        <source>Extreme tachy (central) HR %1</source>
        <extracomment>ECG rhythm alarm with the heart rate %1 (beats per minute): extreme tachycardia.</extracomment>
        <translation>Tachycardie extrême (centrale) HR %1</translation>
    </message>
    <message>
        <source>ECG noisy: central analysis suspended</source>
        <extracomment>Technical alarm: the ECG is too noisy (artefacts) for the station&apos;s own rhythm analysis, which stops.</extracomment>
        <translation>ECG bruité : analyse centrale suspendue</translation>
    </message>
    <message>
        <source>Patient identity mismatch: monitor %1, admitted %2</source>
        <extracomment>Technical alarm: the bedside monitor&apos;s patient (%1 = its patient ID) differs from the patient admitted to the bed (%2 = the admitted patient&apos;s ID, MRN).</extracomment>
        <translation>Incohérence d&apos;identité patient : moniteur %1, admis %2</translation>
    </message>
    <message>
        <source>Patient identity mismatch</source>
        <extracomment>Technical alarm: the bedside monitor&apos;s patient differs from the patient admitted to the bed.</extracomment>
        <translation>Incohérence d&apos;identité patient</translation>
    </message>
    <message>
        <source>VFib (central)</source>
        <extracomment>ECG rhythm alarm of the central analysis: ventricular fibrillation (VF).</extracomment>
        <translation>FV (centrale)</translation>
    </message>
    <message>
        <source>VTach (central)</source>
        <extracomment>ECG rhythm alarm of the central analysis: ventricular tachycardia (VT).</extracomment>
        <translation>TV (centrale)</translation>
    </message>
    <message>
        <source>VTach (central) HR %1</source>
        <extracomment>ECG rhythm alarm with the heart rate %1 (beats per minute): ventricular tachycardia.</extracomment>
        <translation>TV (centrale) HR %1</translation>
    </message>
    <message>
        <source>HR %1 differs from ECG beats %2 (central)</source>
        <extracomment>Technical alarm: the monitor&apos;s heart rate %1 and the rate counted from the ECG beats at the central (%2) disagree.</extracomment>
        <translation>HR %1 diffère des battements ECG %2 (centrale)</translation>
    </message>
    <message>
        <source>Cluster unreachable: local monitoring only</source>
        <extracomment>Technical alarm: the station lost its link to the hospital&apos;s monitoring cluster (other stations&apos; beds and alarms); its own beds are still monitored.</extracomment>
        <translation>Cluster injoignable : surveillance locale uniquement</translation>
    </message>
    <message>
        <source>EHR link down</source>
        <extracomment>Technical alarm: charting messages for the electronic health record (EHR) cannot be delivered.</extracomment>
        <translation>Liaison EHR interrompue</translation>
    </message>
    <message>
        <source>EHR link down: %1 charting message(s) waiting</source>
        <extracomment>Technical alarm: charting messages for the EHR cannot be delivered; %1 of them wait to be sent.</extracomment>
        <translation>Liaison EHR interrompue : %1 message(s) de dossier en attente</translation>
    </message>
</context>
<context>
    <name>BedActions</name>
    <message>
        <source>Acknowledge bed [A]</source>
        <translation>Acquitter le lit [A]</translation>
    </message>
    <message>
        <source>Resume alarms (paused %1)</source>
        <extracomment>The bed&apos;s alarms are paused (alarm paused, IEC 60601-1-8: not signalled) for %1 more (mm:ss); press to turn them back on</extracomment>
        <translation>Reprendre les alarmes (pause %1)</translation>
    </message>
    <message>
        <source>Pause bed alarms</source>
        <extracomment>Turn this bed&apos;s alarms off for a few minutes (alarm paused: e.g. while washing the patient), not a pause in the ECG</extracomment>
        <translation>Suspendre les alarmes du lit</translation>
    </message>
    <message>
        <source>Reset latched</source>
        <extracomment>Clear this bed&apos;s latched alarms (alarms that stay on after their cause ended until a nurse resets them)</extracomment>
        <translation>Réinitialiser les alarmes mémorisées</translation>
    </message>
    <message>
        <source>Alarm limits…</source>
        <extracomment>Opens the bed&apos;s alarm limits (upper and lower thresholds of each vital sign)</extracomment>
        <translation>Limites d&apos;alarme…</translation>
    </message>
    <message>
        <source>  (custom)</source>
        <translation>  (personnalisées)</translation>
    </message>
    <message>
        <source>Handover…</source>
        <extracomment>Opens the shift handover notes of this patient (nurse-to-nurse report at shift change)</extracomment>
        <translation>Transmission…</translation>
    </message>
    <message>
        <source>Print… [Ctrl+P]</source>
        <translation>Imprimer… [Ctrl+P]</translation>
    </message>
    <message>
        <source>Handover (shift report)</source>
        <translation>Transmission (rapport de relève)</translation>
    </message>
    <message>
        <source>Alarm strip (last 20 s)</source>
        <extracomment>Print a strip: a paper recording of the waveforms (ECG) of the last 20 seconds</extracomment>
        <translation>Tracé d&apos;alarme (20 dernières s)</translation>
    </message>
    <message>
        <source>Event list</source>
        <extracomment>Print the list of the bed&apos;s alarms and events</extracomment>
        <translation>Liste des événements</translation>
    </message>
    <message>
        <source>Patient…</source>
        <extracomment>Opens the bed&apos;s patient: admit, edit, transfer, discharge</extracomment>
        <translation>Patient…</translation>
    </message>
    <message>
        <source>Admit…</source>
        <translation>Admettre…</translation>
    </message>
    <message>
        <source>Validate vitals…</source>
        <extracomment>Opens the vital signs to check and chart into the patient&apos;s record (EHR) as validated</extracomment>
        <translation>Valider constantes…</translation>
    </message>
</context>
<context>
    <name>BedDetail</name>
    <message>
        <source>◀  Ward  (Esc)</source>
        <translation>◀  Service  (Échap)</translation>
    </message>
    <message>
        <source>Review  [R]</source>
        <extracomment>Opens the review of the bed&apos;s recorded history (full disclosure: waveforms, trends, alarms), not a clinical review. [R] = keyboard key</extracomment>
        <translation>Revue  [R]</translation>
    </message>
    <message>
        <source>No patient</source>
        <translation>Aucun patient</translation>
    </message>
    <message>
        <source>ALARMS PAUSED</source>
        <translation>ALARMES EN PAUSE</translation>
    </message>
    <message>
        <source>NO DATA</source>
        <translation>AUCUNE DONNÉE</translation>
    </message>
</context>
<context>
    <name>BedReview</name>
    <message>
        <source>◀  Back  (Esc)</source>
        <translation>◀  Retour  (Échap)</translation>
    </message>
    <message>
        <source>Review  ·  %1</source>
        <extracomment>Title of the history review of bed %1 (recorded waveforms, trends, alarms)</extracomment>
        <translation>Revue  ·  %1</translation>
    </message>
    <message>
        <source>Trends</source>
        <extracomment>Tab: graphs of the vital signs over hours (trend view)</extracomment>
        <translation>Tendances</translation>
    </message>
    <message>
        <source>Full disclosure</source>
        <translation>Enregistrement complet</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmes</translation>
    </message>
    <message>
        <source>Alarm strip of this moment</source>
        <extracomment>Print a strip: a paper recording of the waveforms (ECG) around the moment shown</extracomment>
        <translation>Tracé d&apos;alarme de cet instant</translation>
    </message>
    <message>
        <source>Full disclosure of the shown range</source>
        <translation>Enregistrement complet de la plage affichée</translation>
    </message>
    <message>
        <source>Loading %1 %</source>
        <translation>Chargement %1 %</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>No archive available</source>
        <translation>Aucune archive disponible</translation>
    </message>
    <message>
        <source>This station is not keeping an archive, so the history of %1 cannot be reviewed. Live monitoring is not affected.</source>
        <translation>Cette centrale ne tient pas d&apos;archive : l&apos;historique de %1 ne peut pas être consulté. La surveillance en direct n&apos;est pas affectée.</translation>
    </message>
    <message>
        <source>Archive: %1</source>
        <translation>Archive : %1</translation>
    </message>
</context>
<context>
    <name>BedTile</name>
    <message>
        <source>No patient</source>
        <translation>Aucun patient</translation>
    </message>
    <message>
        <source>CUSTOM LIMITS</source>
        <translation>LIMITES PERSO.</translation>
    </message>
    <message>
        <source>LIM*</source>
        <translation>LIM*</translation>
    </message>
    <message>
        <source>  ESCALATED</source>
        <translation>  ESCALADÉE</translation>
    </message>
    <message>
        <source>ALARMS PAUSED</source>
        <translation>ALARMES EN PAUSE</translation>
    </message>
    <message>
        <source>NO DATA</source>
        <translation>AUCUNE DONNÉE</translation>
    </message>
    <message>
        <source>Remote · %1</source>
        <extracomment>Marks a bed monitored by another central station (shown here through the hospital cluster); %1 is that station&apos;s name.</extracomment>
        <translation>Distant · %1</translation>
    </message>
</context>
<context>
    <name>Census</name>
    <message>
        <source>no such pending conflict</source>
        <translation>aucun conflit en attente de ce type</translation>
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
        <translation>  %1 en attente</translation>
    </message>
    <message>
        <source>DICOM node: %1</source>
        <translation>Nœud DICOM : %1</translation>
    </message>
    <message>
        <source>%1 waiting to be sent, %2 being built</source>
        <translation>%1 en attente d&apos;envoi, %2 en préparation</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test…</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Refused by the node, kept in the queue:</source>
        <extracomment>Objects the hospital&apos;s DICOM node (PACS) refused; they stay in the send queue, listed below with the node&apos;s reason.</extracomment>
        <translation>Refusé par le nœud, gardé dans la file :</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A refused DICOM object: %1 its name, %2 the node&apos;s reason</extracomment>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Confirm discard</source>
        <extracomment>Take an object the PACS refused out of the send queue for good (it is never sent)</extracomment>
        <translation>Confirmer l’abandon</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Retry now</source>
        <extracomment>Send the objects waiting for the PACS now instead of at their next retry</extracomment>
        <translation>Réessayer maintenant</translation>
    </message>
</context>
<context>
    <name>DicomView</name>
    <message numerus="yes">
        <source>%1  %2  —  %3, acquired %4  —  %n channel(s)</source>
        <extracomment>The DICOM viewer&apos;s header: what the file is and who it belongs to. %1 patient, %2 patient id, %3 the kind of object (12-lead ECG...), %4 acquisition time, %n number of channels.</extracomment>
        <translation>
            <numerusform>%1  %2  —  %3, acquis %4  —  %n canal</numerusform>
            <numerusform>%1  %2  —  %3, acquis %4  —  %n canaux</numerusform>
        </translation>
    </message>
    <message>
        <source>Odd in this file: %1</source>
        <translation>Anomalies dans ce fichier : %1</translation>
    </message>
</context>
<context>
    <name>DicomViewer</name>
    <message>
        <source>← → 10 s   Page Up / Page Down 1 min   Home start   Esc close</source>
        <translation>← → 10 s   Page préc. / Page suiv. 1 min   Début début   Échap fermer</translation>
    </message>
    <message numerus="yes">
        <source>Multiplex group %1 of %2: %3, %n channel(s)   Tab next group</source>
        <translation>
            <numerusform>Groupe multiplex %1 sur %2 : %3, %n canal   Tab groupe suivant</numerusform>
            <numerusform>Groupe multiplex %1 sur %2 : %3, %n canaux   Tab groupe suivant</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoverPanel</name>
    <message>
        <source>Handover (I-PASS)</source>
        <extracomment>Shift handover report (nurse to nurse); I-PASS is the name of the handover method, keep it</extracomment>
        <translation>Transmission (I-PASS)</translation>
    </message>
    <message>
        <source>Illness severity</source>
        <translation>Gravité de l&apos;état</translation>
    </message>
    <message>
        <source>Action list and notes</source>
        <translation>Actions à mener et notes</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>LimitsPanel</name>
    <message>
        <source>off</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>Restoring defaults is not available in this station version</source>
        <translation>La restauration des valeurs par défaut n&apos;est pas disponible dans cette version</translation>
    </message>
    <message>
        <source>Alarm limits — %1</source>
        <extracomment>Title: the alarm limits (upper and lower thresholds) of bed %1</extracomment>
        <translation>Limites d&apos;alarme — %1</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Valeurs par défaut</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Low limit</source>
        <translation>Limite basse</translation>
    </message>
    <message>
        <source>High limit</source>
        <translation>Limite haute</translation>
    </message>
    <message>
        <source>set at bedside monitor</source>
        <translation>réglée sur le moniteur</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>personnalisée</translation>
    </message>
    <message>
        <source>ward default</source>
        <translation>défaut du service</translation>
    </message>
    <message>
        <source>Apply these limit changes?</source>
        <translation>Appliquer ces modifications de limites ?</translation>
    </message>
    <message>
        <source>Restore the ward&apos;s default limits for this bed? Limits set at the bedside monitor stay as they are.</source>
        <translation>Rétablir les limites par défaut du service pour ce lit ? Les limites réglées sur le moniteur restent inchangées.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <source>Apply changes…</source>
        <translation>Appliquer…</translation>
    </message>
    <message>
        <source>Apply 1 change…</source>
        <translation>Appliquer 1 modification…</translation>
    </message>
    <message>
        <source>Apply %1 changes…</source>
        <translation>Appliquer %1 modifications…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Confirm: restore defaults</source>
        <translation>Confirmer : valeurs par défaut</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>ARCHIVE: %1 — live monitoring continues; call biomed</source>
        <translation>ARCHIVE : %1 — la surveillance en direct continue ; appeler le biomédical</translation>
    </message>
    <message>
        <source>WAVEFORMS UNAVAILABLE: no OpenGL renderer on this PC. Numerics are live; call biomed.</source>
        <translation>COURBES INDISPONIBLES : pas de rendu OpenGL sur ce PC. Les valeurs sont en direct ; appeler le biomédical.</translation>
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
        <translation>NEWS2 incomplet</translation>
    </message>
</context>
<context>
    <name>NewsPanel</name>
    <message>
        <source>NEWS2: no inputs yet</source>
        <translation>NEWS2 : aucune donnée saisie</translation>
    </message>
    <message>
        <source>NEWS2 %1 %2  %3</source>
        <translation>NEWS2 %1 %2  %3</translation>
    </message>
    <message>
        <source>NEWS2 incomplete (≥%1): %2</source>
        <translation>NEWS2 incomplet (≥%1) : %2</translation>
    </message>
    <message>
        <source>Deteriorating: %1</source>
        <translation>Dégradation : %1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquant</translation>
    </message>
    <message>
        <source>STALE </source>
        <translation>PÉRIMÉ </translation>
    </message>
    <message>
        <source>Air</source>
        <translation>Air ambiant</translation>
    </message>
    <message>
        <source>O₂</source>
        <translation>O₂</translation>
    </message>
    <message>
        <source>SpO₂ scale 2 (%1) → scale 1</source>
        <translation>SpO₂ échelle 2 (%1) → échelle 1</translation>
    </message>
    <message>
        <source>SpO₂ scale 2…</source>
        <translation>SpO₂ échelle 2…</translation>
    </message>
    <message>
        <source>Resp rate</source>
        <extracomment>Respiration rate (breaths per minute), a NEWS2 parameter. Short: a narrow column</extracomment>
        <translation>Fréq. resp.</translation>
    </message>
    <message>
        <source>Sys BP</source>
        <translation>PA syst.</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>Pouls</translation>
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
        <translation>valeur</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Saisir</translation>
    </message>
    <message>
        <source>Type a number</source>
        <translation>Saisir un nombre</translation>
    </message>
</context>
<context>
    <name>NumericBox</name>
    <message>
        <source>old %1</source>
        <translation>ancien %1</translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <source>The medical record number is required.</source>
        <translation>Le numéro de dossier (MRN) est obligatoire.</translation>
    </message>
    <message>
        <source>Date of birth as YYYY-MM-DD.</source>
        <translation>Date de naissance au format AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>Patient — %1</source>
        <extracomment>Title of the patient panel; %1 is the bed&apos;s label</extracomment>
        <translation>Patient — %1</translation>
    </message>
    <message>
        <source>Admit a patient — %1</source>
        <translation>Admettre un patient — %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <extracomment>Where the stay came from: adt (hospital system), manual (typed here) or unadmitted (data only)</extracomment>
        <translation>Source : %1</translation>
    </message>
    <message>
        <source>Identity mismatch: the monitor reports %1 (%2), the bed&apos;s stay is %3 (%4).</source>
        <extracomment>Technical condition: the monitor reports another patient than the one admitted to the bed</extracomment>
        <translation>Incohérence d&apos;identité : le moniteur indique %1 (%2), le séjour du lit est %3 (%4).</translation>
    </message>
    <message>
        <source>Use the monitor&apos;s patient</source>
        <translation>Prendre le patient du moniteur</translation>
    </message>
    <message>
        <source>Keep the admitted patient</source>
        <translation>Garder le patient admis</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <extracomment>Date of birth; the patient&apos;s age sets the alarm defaults (adult, paediatric, neonatal)</extracomment>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>female</source>
        <translation>féminin</translation>
    </message>
    <message>
        <source>male</source>
        <translation>masculin</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <source>undisclosed</source>
        <translation>non communiqué</translation>
    </message>
    <message>
        <source>Attending</source>
        <translation>Médecin responsable</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>A changed date of birth can change the alarm defaults of this bed (adult, paediatric, neonatal).</source>
        <translation>Une date de naissance modifiée peut changer les réglages d&apos;alarme par défaut de ce lit (adulte, pédiatrie, néonatalogie).</translation>
    </message>
    <message>
        <source>Transfer to</source>
        <extracomment>Move the admitted patient to another bed (transfer)</extracomment>
        <translation>Transférer vers</translation>
    </message>
    <message>
        <source>Transfer</source>
        <extracomment>Button: move the admitted patient to the bed chosen (transfer)</extracomment>
        <translation>Transférer</translation>
    </message>
    <message>
        <source>Save</source>
        <extracomment>Button: admit the patient to this bed (start the stay)</extracomment>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Admit</source>
        <translation>Admettre</translation>
    </message>
    <message>
        <source>Confirm discharge</source>
        <extracomment>Button: the patient leaves the ward (discharge; ends the stay)</extracomment>
        <translation>Confirmer la sortie</translation>
    </message>
    <message>
        <source>Discharge…</source>
        <translation>Sortie…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Discharge ends the stay; its data stays in the archive and the bed&apos;s alarms return to the defaults.</source>
        <translation>La sortie clôt le séjour ; ses données restent dans l&apos;archive et les alarmes du lit reviennent aux réglages par défaut.</translation>
    </message>
    <message>
        <source>Find a patient…</source>
        <extracomment>Opens the search for current and discharged stays by MRN or name</extracomment>
        <translation>Rechercher un patient…</translation>
    </message>
</context>
<context>
    <name>PrintMenuButton</name>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Queued for the printer (%1)</source>
        <translation>Envoyé à l&apos;imprimante (%1)</translation>
    </message>
    <message>
        <source>No printer is configured on this station: use PDF</source>
        <translation>Aucune imprimante configurée sur cette centrale : utiliser le PDF</translation>
    </message>
    <message>
        <source>PDF: %1</source>
        <translation>PDF : %1</translation>
    </message>
    <message>
        <source>PDF export is not available on this station</source>
        <translation>L&apos;export PDF n&apos;est pas disponible sur cette centrale</translation>
    </message>
    <message>
        <source>◀ Prev</source>
        <translation>◀ Préc.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Suiv. ▶</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>Building report… %1 %</source>
        <translation>Création du rapport… %1 %</translation>
    </message>
    <message>
        <source>← → or swipe: turn pages    Printer: %1</source>
        <translation>← → ou balayer : tourner les pages    Imprimante : %1</translation>
    </message>
    <message>
        <source>Building for PACS (%1): the result shows here and on the PACS chip</source>
        <translation>Préparation pour le PACS (%1) : le résultat s&apos;affiche ici et sur l&apos;indicateur PACS</translation>
    </message>
    <message>
        <source>Send to PACS</source>
        <extracomment>Send the shown strip, range or report to the hospital&apos;s picture archive (DICOM)</extracomment>
        <translation>Envoyer au PACS</translation>
    </message>
</context>
<context>
    <name>PrintStatusChip</name>
    <message>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <source>Printer ⚠</source>
        <translation>Imprimante ⚠</translation>
    </message>
    <message>
        <source>PDF only</source>
        <translation>PDF seul.</translation>
    </message>
    <message>
        <source>  %1 queued</source>
        <translation>  %1 en attente</translation>
    </message>
    <message>
        <source>  %1 failed</source>
        <translation>  %1 en échec</translation>
    </message>
    <message>
        <source>Printer: %1</source>
        <translation>Imprimante : %1</translation>
    </message>
    <message>
        <source>%1 waiting, %2 failed</source>
        <translation>%1 en attente, %2 en échec</translation>
    </message>
    <message>
        <source>Last failure: %1</source>
        <translation>Dernier échec : %1</translation>
    </message>
    <message>
        <source>Ward shift summary</source>
        <translation>Synthèse de poste du service</translation>
    </message>
    <message>
        <source>Ward event list</source>
        <translation>Liste des événements du service</translation>
    </message>
</context>
<context>
    <name>ReviewAlarms</name>
    <message>
        <source>Acknowledged %1%2</source>
        <translation>Acquittée %1%2</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> par %1</translation>
    </message>
    <message>
        <source>No alarms in the last %1 h.</source>
        <translation>Aucune alarme dans les dernières %1 h.</translation>
    </message>
    <message>
        <source>No alarms in this stay.</source>
        <translation>Aucune alarme pendant ce séjour.</translation>
    </message>
    <message>
        <source>Onset %1   ·   30 s before to 30 s after</source>
        <translation>Début %1   ·   de 30 s avant à 30 s après</translation>
    </message>
    <message>
        <source>Choose an alarm to see its waves</source>
        <translation>Choisir une alarme pour voir ses courbes</translation>
    </message>
    <message>
        <source>Open in full disclosure</source>
        <translation>Ouvrir dans l&apos;enregistrement complet</translation>
    </message>
    <message>
        <source>Onset %1</source>
        <translation>Début %1</translation>
    </message>
    <message>
        <source>Select an alarm in the list (↑ ↓, Enter)</source>
        <translation>Choisir une alarme dans la liste (↑ ↓, Entrée)</translation>
    </message>
</context>
<context>
    <name>ReviewDisclosure</name>
    <message>
        <source>Type a time like 03:12 or 03:12:30</source>
        <translation>Saisir une heure, p. ex. 03:12 ou 03:12:30</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Aller à</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Dernier</translation>
    </message>
    <message>
        <source>← →  10 s     Page Up / Page Down  1 min     G  go to a time     End  latest</source>
        <translation>← →  10 s     Page préc. / Page suiv.  1 min     G  aller à une heure     Fin  dernier</translation>
    </message>
</context>
<context>
    <name>ReviewStrip</name>
    <message>
        <source>Loading waveforms…</source>
        <translation>Chargement des courbes…</translation>
    </message>
    <message>
        <source>No waveforms archived between %1 and %2.</source>
        <translation>Aucune courbe archivée entre %1 et %2.</translation>
    </message>
</context>
<context>
    <name>ReviewTrends</name>
    <message>
        <source>Stay</source>
        <extracomment>Range: the whole hospital stay of the patient in this bed (since admission)</extracomment>
        <translation>Séjour</translation>
    </message>
    <message>
        <source>Whole range</source>
        <translation>Toute la plage</translation>
    </message>
    <message>
        <source>Waves at %1  [W]</source>
        <translation>Courbes à %1  [W]</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmes</translation>
    </message>
    <message>
        <source>Loading trends…</source>
        <translation>Chargement des tendances…</translation>
    </message>
    <message>
        <source>No trends archived for this bed in the last %1 h.</source>
        <translation>Aucune tendance archivée pour ce lit dans les dernières %1 h.</translation>
    </message>
    <message>
        <source>No trends archived for this stay.</source>
        <translation>Aucune tendance archivée pour ce séjour.</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <source>New station: create the first administrator</source>
        <translation>Nouvelle centrale : créer le premier administrateur</translation>
    </message>
    <message>
        <source>Enrol an authenticator for %1</source>
        <translation>Enregistrer un authentificateur pour %1</translation>
    </message>
    <message>
        <source>Controls locked — sign in to unlock</source>
        <translation>Commandes verrouillées — connectez-vous pour déverrouiller</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Connecté : %1 (%2)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password (8 characters or more)</source>
        <translation>Mot de passe (8 caractères min.)</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Créer l&apos;administrateur</translation>
    </message>
    <message>
        <source>6-digit code from the app</source>
        <translation>Code à 6 chiffres de l&apos;application</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Badge + PIN</source>
        <extracomment>Sign in with a staff badge (card) and a PIN</extracomment>
        <translation>Badge + PIN</translation>
    </message>
    <message>
        <source>Badge (scan or type)</source>
        <translation>Badge (scanner ou saisir)</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Code à usage unique</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Locks after %1 min without input. Alarms always show and sound.</source>
        <translation>Verrouillage après %1 min sans saisie. Les alarmes restent toujours affichées et sonores.</translation>
    </message>
    <message>
        <source>Manage users…</source>
        <translation>Gérer les utilisateurs…</translation>
    </message>
</context>
<context>
    <name>SourceChip</name>
    <message>
        <source>INSECURE</source>
        <translation>NON SÉCURISÉ</translation>
    </message>
    <message>
        <source>Address: %1%2</source>
        <translation>Adresse : %1%2</translation>
    </message>
    <message>
        <source> (TLS)</source>
        <translation> (TLS)</translation>
    </message>
    <message>
        <source> (plaintext)</source>
        <translation> (non chiffré)</translation>
    </message>
    <message>
        <source>State: %1 since %2</source>
        <translation>État : %1 depuis %2</translation>
    </message>
    <message>
        <source>Messages: %1   Errors: %2   Resent: %3</source>
        <translation>Messages : %1   Erreurs : %2   Renvoyés : %3</translation>
    </message>
    <message>
        <source>Last message: %1</source>
        <translation>Dernier message : %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Dernière erreur : %1</translation>
    </message>
</context>
<context>
    <name>StaySearch</name>
    <message>
        <source>Find a patient</source>
        <translation>Rechercher un patient</translation>
    </message>
    <message>
        <source>MRN or name</source>
        <extracomment>Search field: a medical record number or part of a patient&apos;s name</extracomment>
        <translation>MRN ou nom</translation>
    </message>
    <message>
        <source>No stay found for “%1”.</source>
        <translation>Aucun séjour trouvé pour « %1 ».</translation>
    </message>
    <message>
        <source>%1  ·  MRN %2  ·  born %3</source>
        <extracomment>One search result: patient name, MRN and date of birth</extracomment>
        <translation>%1  ·  MRN %2  ·  né(e) le %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>Bed %1, admitted %2, in the bed now</source>
        <extracomment>A current stay: bed and admission time</extracomment>
        <translation>Lit %1, admis(e) le %2, présent(e)</translation>
    </message>
    <message>
        <source>Bed %1, %2 to %3 (discharged)</source>
        <extracomment>A past stay: bed, admission and discharge times</extracomment>
        <translation>Lit %1, du %2 au %3 (sorti(e))</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revue</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>HIGH</source>
        <translation>HAUTE</translation>
    </message>
    <message>
        <source>MED</source>
        <translation>MOY.</translation>
    </message>
    <message>
        <source>LOW</source>
        <translation>BASSE</translation>
    </message>
    <message>
        <source>NEO</source>
        <translation>NÉO</translation>
    </message>
    <message>
        <source>PAED</source>
        <translation>PÉD</translation>
    </message>
    <message>
        <source>ADULT</source>
        <translation>ADULTE</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>AUDIO PAUSED [P]</source>
        <translation>AUDIO EN PAUSE [P]</translation>
    </message>
    <message>
        <source>%1 gateways</source>
        <translation>%1 passerelles</translation>
    </message>
    <message>
        <source>%1 down</source>
        <translation>%1 hors service</translation>
    </message>
</context>
<context>
    <name>UserAdminPanel</name>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>2FA</source>
        <translation>2FA</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <source>No users</source>
        <translation>Aucun utilisateur</translation>
    </message>
    <message>
        <source>User management is not available on this station.</source>
        <translation>La gestion des utilisateurs n&apos;est pas disponible sur cette centrale.</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Initial password (8 characters or more)</source>
        <translation>Mot de passe initial (8 caractères min.)</translation>
    </message>
    <message>
        <source>Badge (optional)</source>
        <translation>Badge (facultatif)</translation>
    </message>
    <message>
        <source>PIN for the badge</source>
        <translation>PIN du badge</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Utilisateur %1</translation>
    </message>
    <message>
        <source>Select a user in the list</source>
        <translation>Sélectionnez un utilisateur dans la liste</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Re-enrol 2FA</source>
        <translation>Réenregistrer 2FA</translation>
    </message>
    <message>
        <source>Enrol 2FA</source>
        <translation>Enregistrer 2FA</translation>
    </message>
    <message>
        <source>Remove 2FA</source>
        <translation>Supprimer 2FA</translation>
    </message>
    <message>
        <source>New password (8 characters or more)</source>
        <translation>Nouveau mot de passe (8 caractères min.)</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>6-digit code from the app</source>
        <translation>Code à 6 chiffres de l&apos;application</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <source>Delete user…</source>
        <translation>Supprimer l’utilisateur…</translation>
    </message>
    <message>
        <source>Delete %1? They can no longer sign in; their audit records stay.</source>
        <translation>Supprimer %1 ? Cette personne ne pourra plus se connecter ; ses entrées d’audit restent.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>This is your own account: another administrator deletes it or changes its role.</source>
        <translation>C’est votre propre compte : un autre administrateur le supprime ou change son rôle.</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Changer le rôle</translation>
    </message>
    <message>
        <source>Display name (optional)</source>
        <translation>Nom affiché (facultatif)</translation>
    </message>
    <message>
        <source>Change display name</source>
        <translation>Changer le nom affiché</translation>
    </message>
</context>
<context>
    <name>UserChip</name>
    <message>
        <source>🔒 LOCKED</source>
        <translation>🔒 VERROUILLÉ</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Viewer</source>
        <extracomment>The role shown under the user&apos;s name; &quot;Viewer&quot; when nobody is signed in</extracomment>
        <translation>Observateur</translation>
    </message>
</context>
<context>
    <name>VitalsPanel</name>
    <message>
        <source>%1: not a number</source>
        <translation>%1 : pas un nombre</translation>
    </message>
    <message>
        <source>No current vitals on this bed.</source>
        <translation>Aucune constante actuelle pour ce lit.</translation>
    </message>
    <message>
        <source>Validate vitals for the EHR — %1</source>
        <extracomment>Title; %1 is the bed&apos;s label. Validated vitals go to the electronic health record</extracomment>
        <translation>Valider les constantes pour l&apos;EHR — %1</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <extracomment>Why the nurse corrected the measured value</extracomment>
        <translation>Motif de la correction</translation>
    </message>
    <message>
        <source>Validate and chart</source>
        <extracomment>Confirm the vital signs and send them to the patient&apos;s record (EHR charting)</extracomment>
        <translation>Valider et enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>WardOverview</name>
    <message>
        <source>Waiting for data from the ward&apos;s gateways…</source>
        <translation>En attente des données des passerelles du service…</translation>
    </message>
</context>
<context>
    <name>vigil::AdtWiring</name>
    <message>
        <source>no EHR link configured</source>
        <translation>aucune liaison EHR configurée</translation>
    </message>
    <message>
        <source>the bed has no admitted patient to chart for</source>
        <translation>le lit n&apos;a aucun patient admis pour lequel enregistrer</translation>
    </message>
    <message>
        <source>the charting queue could not store the message</source>
        <translation>la file d&apos;envoi au dossier n&apos;a pas pu stocker le message</translation>
    </message>
</context>
<context>
    <name>vigil::ClusterWiring</name>
    <message>
        <source>connecting</source>
        <translation>connexion</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>utilisateur inconnu</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>cluster unreachable</source>
        <translation>cluster injoignable</translation>
    </message>
    <message>
        <source> · active for %1</source>
        <extracomment>Cluster status of a station that is one of a redundant pair for its unit, and now the one that publishes the unit.</extracomment>
        <translation> · active pour %1</translation>
    </message>
    <message>
        <source> · standby for %1 (active: %2)</source>
        <extracomment>Cluster status of the standby station of a redundant pair; %2 is the active station.</extracomment>
        <translation> · en veille pour %1 (active : %2)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
</context>
<context>
    <name>vigil::DicomState</name>
    <message>
        <source>No DICOM node is configured on this station</source>
        <translation>Aucun nœud DICOM n&apos;est configuré sur cette centrale</translation>
    </message>
</context>
<context>
    <name>vigil::RunMarker</name>
    <message>
        <source>Restarted at %1 after an unexpected stop</source>
        <extracomment>Shown on the station after it was restarted automatically (crash, power cut). %1 is the time.</extracomment>
        <translation>Redémarrée à %1 après un arrêt inattendu</translation>
    </message>
</context>
<context>
    <name>vigil::Station</name>
    <message>
        <source>Deteriorating: %1</source>
        <translation>Dégradation : %1</translation>
    </message>
</context>
<context>
    <name>vigil::StationDicom</name>
    <message>
        <source>Sent to PACS: %1</source>
        <translation>Envoyé au PACS : %1</translation>
    </message>
    <message>
        <source>PACS refused %1: %2</source>
        <translation>Le PACS a refusé %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>PACS not reached, %n object(s) wait: %1</source>
        <translation>
            <numerusform>PACS injoignable, %n objet en attente : %1</numerusform>
            <numerusform>PACS injoignable, %n objets en attente : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown report &apos;%1&apos;</source>
        <translation>Rapport inconnu « %1 »</translation>
    </message>
    <message>
        <source>Choose a bed first</source>
        <translation>Choisir d&apos;abord un lit</translation>
    </message>
    <message>
        <source>Choose a time range first</source>
        <translation>Choisir d&apos;abord une plage horaire</translation>
    </message>
    <message>
        <source>Reports need the archive</source>
        <translation>Les rapports nécessitent l&apos;archive</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé : %1</translation>
    </message>
    <message>
        <source>Already queued or sent: %1</source>
        <translation>Déjà en file d&apos;attente ou envoyé : %1</translation>
    </message>
    <message>
        <source>Queued for PACS: %1</source>
        <translation>En file d&apos;attente pour le PACS : %1</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Test de %1…</translation>
    </message>
    <message>
        <source>%1 answered C-ECHO in %2 ms</source>
        <translation>%1 a répondu au C-ECHO en %2 ms</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1 : %2 (%3)</translation>
    </message>
    <message>
        <source>PACS refused %1, kept in the queue: %2</source>
        <translation>Le PACS a refusé %1, conservé dans la file d&apos;attente : %2</translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n waiting object(s) now</source>
        <translation>
            <numerusform>Nouvel essai maintenant pour %n objet en attente</numerusform>
            <numerusform>Nouvel essai maintenant pour %n objets en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>This object is not waiting in the queue as refused</source>
        <translation>Cet objet n’attend pas dans la file comme refusé</translation>
    </message>
    <message>
        <source>Discarded %1; it will not be sent</source>
        <translation>%1 abandonné ; il ne sera pas envoyé</translation>
    </message>
    <message>
        <source>Not discarded: %1</source>
        <translation>Non abandonné : %1</translation>
    </message>
</context>
<context>
    <name>vigil::alarms::AlarmListModel</name>
    <message>
        <source>active</source>
        <extracomment>Alarm state: the alarm condition is present now</extracomment>
        <translation>active</translation>
    </message>
    <message>
        <source>latched</source>
        <extracomment>Alarm state: the condition has ended but the alarm stays on until a nurse resets it (latching alarm)</extracomment>
        <translation>mémorisée</translation>
    </message>
    <message>
        <source>ended</source>
        <extracomment>Alarm state: the alarm condition has ended</extracomment>
        <translation>terminée</translation>
    </message>
    <message>
        <source>sending</source>
        <extracomment>Alarm sent to the alert manager (nurses&apos; phones/pagers), no answer yet</extracomment>
        <translation>envoi en cours</translation>
    </message>
    <message>
        <source>delivered</source>
        <extracomment>The alert manager delivered the alarm to a nurse&apos;s phone or pager</extracomment>
        <translation>transmise</translation>
    </message>
    <message>
        <source>read</source>
        <extracomment>The nurse opened the alarm message on the phone</extracomment>
        <translation>lue</translation>
    </message>
    <message>
        <source>accepted</source>
        <extracomment>A nurse accepted (took over) the alarm on the phone</extracomment>
        <translation>acceptée</translation>
    </message>
    <message>
        <source>not delivered</source>
        <extracomment>The alert manager could not deliver the alarm to a phone or pager</extracomment>
        <translation>non transmise</translation>
    </message>
</context>
<context>
    <name>vigil::census::Census</name>
    <message>
        <source>no census at this station</source>
        <translation>aucune gestion des lits sur cette centrale</translation>
    </message>
    <message>
        <source>no identity mismatch on this bed</source>
        <translation>aucune incohérence d&apos;identité sur ce lit</translation>
    </message>
    <message>
        <source>bed has no stay</source>
        <translation>le lit n&apos;a aucun séjour</translation>
    </message>
    <message>
        <source>a corrected value needs a reason</source>
        <translation>une valeur corrigée exige un motif</translation>
    </message>
    <message>
        <source>no vitals to chart</source>
        <translation>aucune constante à enregistrer</translation>
    </message>
</context>
<context>
    <name>vigil::census::CensusState</name>
    <message>
        <source>bed outside the station&apos;s units</source>
        <translation>lit hors des unités de la centrale</translation>
    </message>
    <message>
        <source>transfer outside the station&apos;s units</source>
        <translation>transfert hors des unités de la centrale</translation>
    </message>
    <message>
        <source>discharge outside the station&apos;s units</source>
        <translation>sortie hors des unités de la centrale</translation>
    </message>
    <message>
        <source>discharge of patient %1, who has no stay at this station</source>
        <translation>sortie du patient %1, qui n&apos;a aucun séjour sur cette centrale</translation>
    </message>
    <message>
        <source>update for a patient outside the station&apos;s units</source>
        <translation>mise à jour d&apos;un patient hors des unités de la centrale</translation>
    </message>
    <message>
        <source>update for patient %1, who has no stay at this station</source>
        <translation>mise à jour du patient %1, qui n&apos;a aucun séjour sur cette centrale</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>rien n&apos;a changé</translation>
    </message>
    <message>
        <source>cancel admit outside the station&apos;s units</source>
        <translation>annulation d&apos;admission hors des unités de la centrale</translation>
    </message>
    <message>
        <source>cancel admit of patient %1, who has no stay at this station</source>
        <translation>annulation de l&apos;admission du patient %1, qui n&apos;a aucun séjour sur cette centrale</translation>
    </message>
    <message>
        <source>cancel transfer outside the station&apos;s units</source>
        <translation>annulation de transfert hors des unités de la centrale</translation>
    </message>
    <message>
        <source>cancel transfer of patient %1, who has no stay at this station</source>
        <translation>annulation du transfert du patient %1, qui n&apos;a aucun séjour sur cette centrale</translation>
    </message>
    <message>
        <source>cancel transfer of patient %1: no transfer to cancel</source>
        <translation>annulation du transfert du patient %1 : aucun transfert à annuler</translation>
    </message>
    <message>
        <source>cancel discharge of patient %1, who is in bed %2</source>
        <translation>annulation de la sortie du patient %1, qui est au lit %2</translation>
    </message>
    <message>
        <source>cancel discharge outside the station&apos;s units</source>
        <translation>annulation de sortie hors des unités de la centrale</translation>
    </message>
    <message>
        <source>cancel discharge of patient %1: no discharge to cancel</source>
        <translation>annulation de la sortie du patient %1 : aucune sortie à annuler</translation>
    </message>
    <message>
        <source>cancel discharge of patient %1: bed %2 is occupied by %3</source>
        <translation>annulation de la sortie du patient %1 : le lit %2 est occupé par %3</translation>
    </message>
    <message>
        <source>unsupported event</source>
        <translation>événement non pris en charge</translation>
    </message>
    <message>
        <source>bed %1 does not exist at this station</source>
        <translation>le lit %1 n&apos;existe pas sur cette centrale</translation>
    </message>
    <message>
        <source>a patient needs a medical record number</source>
        <translation>un patient doit avoir un numéro de dossier (MRN)</translation>
    </message>
    <message>
        <source>patient %1 is already in bed %2</source>
        <translation>le patient %1 est déjà au lit %2</translation>
    </message>
    <message>
        <source>already admitted to this bed</source>
        <translation>déjà admis dans ce lit</translation>
    </message>
    <message>
        <source>bed %1 is occupied by patient %2</source>
        <translation>le lit %1 est occupé par le patient %2</translation>
    </message>
    <message>
        <source>bed %1 has no stay</source>
        <translation>le lit %1 n&apos;a aucun séjour</translation>
    </message>
    <message>
        <source>bed %1 has no admitted patient</source>
        <translation>le lit %1 n&apos;a aucun patient admis</translation>
    </message>
    <message>
        <source>patient %1 has no stay at this station</source>
        <translation>le patient %1 n&apos;a aucun séjour sur cette centrale</translation>
    </message>
    <message>
        <source>already in bed %1</source>
        <translation>déjà au lit %1</translation>
    </message>
    <message>
        <source>swap outside the station&apos;s units</source>
        <translation>échange hors des unités de la centrale</translation>
    </message>
    <message>
        <source>swap without a second patient</source>
        <translation>échange sans second patient</translation>
    </message>
    <message>
        <source>swap of patients %1 and %2: %3 has no stay at this station</source>
        <translation>échange des patients %1 et %2 : %3 n&apos;a aucun séjour sur cette centrale</translation>
    </message>
    <message>
        <source>swap of patient %1 with itself</source>
        <translation>échange du patient %1 avec lui-même</translation>
    </message>
    <message>
        <source>merge without MRG-1 (the identifier that is merged)</source>
        <translation>fusion sans MRG-1 (l&apos;identifiant fusionné)</translation>
    </message>
    <message>
        <source>merge of an identifier into itself</source>
        <translation>fusion d&apos;un identifiant avec lui-même</translation>
    </message>
    <message>
        <source>merge of %1 into %2: both have a stay here (beds %3 and %4)</source>
        <translation>fusion de %1 dans %2 : les deux ont un séjour ici (lits %3 et %4)</translation>
    </message>
    <message>
        <source>merged identifier %1 has no stay at this station</source>
        <translation>l&apos;identifiant fusionné %1 n&apos;a aucun séjour sur cette centrale</translation>
    </message>
</context>
<context>
    <name>vigil::cluster::ClusterLink</name>
    <message>
        <source>connecting</source>
        <translation>connexion</translation>
    </message>
    <message>
        <source>cluster unreachable</source>
        <translation>cluster injoignable</translation>
    </message>
</context>
<context>
    <name>vigil::ehr::EhrLink</name>
    <message>
        <source>no ACK from the EHR within %1 s</source>
        <translation>aucun ACK de l&apos;EHR sous %1 s</translation>
    </message>
    <message>
        <source>EHR link: %1; retrying in %2 s</source>
        <translation>Liaison EHR : %1 ; nouvel essai dans %2 s</translation>
    </message>
    <message>
        <source>EHR link: %1</source>
        <translation>Liaison EHR : %1</translation>
    </message>
    <message>
        <source>EHR queue: cannot store %1: %2</source>
        <translation>File EHR : impossible de stocker %1 : %2</translation>
    </message>
    <message>
        <source>EHR queue: %1</source>
        <translation>File EHR : %1</translation>
    </message>
    <message>
        <source>the EHR closed the connection</source>
        <translation>l&apos;EHR a fermé la connexion</translation>
    </message>
    <message>
        <source>EHR link: connected to %1</source>
        <translation>Liaison EHR : connectée à %1</translation>
    </message>
    <message>
        <source>EHR link: %1; reconnecting in %2 s</source>
        <translation>Liaison EHR : %1 ; reconnexion dans %2 s</translation>
    </message>
    <message>
        <source>EHR rejected %1 (%2): not sent again</source>
        <translation>L&apos;EHR a rejeté %1 (%2) : pas de nouvel envoi</translation>
    </message>
    <message>
        <source>EHR answered %1 to %2: sent again in %3 s</source>
        <translation>L&apos;EHR a répondu %1 à %2 : nouvel envoi dans %3 s</translation>
    </message>
</context>
<context>
    <name>vigil::scores::News2Board</name>
    <message>
        <source>No bed</source>
        <translation>Aucun lit</translation>
    </message>
    <message>
        <source>%1: %2 is not plausible</source>
        <translation>%1 : %2 n&apos;est pas plausible</translation>
    </message>
    <message>
        <source>Unknown parameter %1</source>
        <translation>Paramètre inconnu %1</translation>
    </message>
    <message>
        <source>ACVPU is one of A C V P U</source>
        <translation>ACVPU vaut A, C, V, P ou U</translation>
    </message>
    <message>
        <source>Resp rate</source>
        <extracomment>NEWS2 parameter: respiration rate (breaths per minute). Short: a narrow column.</extracomment>
        <translation>FR</translation>
    </message>
    <message>
        <source>SpO2</source>
        <extracomment>NEWS2 parameter: oxygen saturation; keep the abbreviation SpO2</extracomment>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>Air/O2</source>
        <extracomment>NEWS2 parameter: is the patient breathing room air or given supplemental oxygen (O2)?</extracomment>
        <translation>Air/O2</translation>
    </message>
    <message>
        <source>Sys BP</source>
        <extracomment>NEWS2 parameter: systolic blood pressure. Short: a narrow column.</extracomment>
        <translation>PA sys</translation>
    </message>
    <message>
        <source>Pulse</source>
        <extracomment>NEWS2 parameter: pulse (heart rate)</extracomment>
        <translation>Pouls</translation>
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
        <translation>routine</translation>
    </message>
    <message>
        <source>low</source>
        <extracomment>NEWS2 clinical response &quot;low&quot; (total 1-4): ward-based response</extracomment>
        <translation>faible</translation>
    </message>
    <message>
        <source>low-medium</source>
        <extracomment>NEWS2 clinical response &quot;low-medium&quot; (a 3 in one parameter): urgent ward-based response</extracomment>
        <translation>faible-moyen</translation>
    </message>
    <message>
        <source>medium</source>
        <extracomment>NEWS2 clinical response &quot;medium&quot; (total 5-6): urgent response</extracomment>
        <translation>moyen</translation>
    </message>
    <message>
        <source>high</source>
        <extracomment>NEWS2 clinical response &quot;high&quot; (total 7 or more): emergency response</extracomment>
        <translation>élevé</translation>
    </message>
    <message>
        <source>monitor</source>
        <extracomment>Where a NEWS2 value came from: the bedside monitor (not entered by hand)</extracomment>
        <translation>moniteur</translation>
    </message>
    <message>
        <source>nurse %1</source>
        <extracomment>Where a NEWS2 value came from: entered by the nurse %1 (a user name)</extracomment>
        <translation>IDE %1</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <extracomment>NEWS2: this parameter (%1) has no value, so the score is incomplete</extracomment>
        <translation>%1 manquant(e)</translation>
    </message>
    <message>
        <source>%1 stale</source>
        <extracomment>NEWS2: this parameter&apos;s (%1) value is too old to count</extracomment>
        <translation>%1 périmé(e)</translation>
    </message>
    <message>
        <source>O2</source>
        <extracomment>NEWS2: the patient is given supplemental oxygen (O2) / breathes room air</extracomment>
        <translation>O2</translation>
    </message>
    <message>
        <source>Air</source>
        <translation>Air</translation>
    </message>
</context>
<context>
    <name>vigil::security</name>
    <message>
        <source>Viewer</source>
        <extracomment>Role: nobody signed in, the ward display</extracomment>
        <translation>Observateur</translation>
    </message>
    <message>
        <source>Nurse</source>
        <extracomment>Role: a ward nurse</extracomment>
        <translation>Infirmier(ère)</translation>
    </message>
    <message>
        <source>Charge nurse</source>
        <extracomment>Role: the nurse in charge of the shift</extracomment>
        <translation>Chef d&apos;équipe</translation>
    </message>
    <message>
        <source>Biomed</source>
        <extracomment>Role: biomedical / clinical engineering staff</extracomment>
        <translation>Biomédical</translation>
    </message>
    <message>
        <source>Administrator</source>
        <extracomment>Role: the station&apos;s IT administrator</extracomment>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>acknowledge alarms</source>
        <extracomment>Permission: acknowledge an alarm condition</extracomment>
        <translation>acquitter les alarmes</translation>
    </message>
    <message>
        <source>pause alarm audio</source>
        <extracomment>Permission: pause the alarm sound or a bed&apos;s alarms</extracomment>
        <translation>suspendre le son des alarmes</translation>
    </message>
    <message>
        <source>reset alarms</source>
        <extracomment>Permission: reset a latched alarm</extracomment>
        <translation>réinitialiser les alarmes</translation>
    </message>
    <message>
        <source>change alarm limits</source>
        <extracomment>Permission: change a patient&apos;s alarm limits</extracomment>
        <translation>modifier les limites d&apos;alarme</translation>
    </message>
    <message>
        <source>chart and hand over</source>
        <extracomment>Permission: write handover notes and validate charted values</extracomment>
        <translation>enregistrer et faire la transmission</translation>
    </message>
    <message>
        <source>admit, transfer or discharge</source>
        <extracomment>Permission: admit, transfer or discharge a patient</extracomment>
        <translation>admettre, transférer ou faire sortir</translation>
    </message>
    <message>
        <source>print and export</source>
        <translation>imprimer et exporter</translation>
    </message>
    <message>
        <source>choose the NEWS2 scale</source>
        <extracomment>Permission: choose the NEWS2 SpO2 scale of a patient</extracomment>
        <translation>choisir l&apos;échelle NEWS2</translation>
    </message>
    <message>
        <source>configure the station</source>
        <translation>configurer la centrale</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>gérer les utilisateurs</translation>
    </message>
    <message>
        <source>use the archive tools</source>
        <translation>utiliser les outils d&apos;archive</translation>
    </message>
</context>
<context>
    <name>vigil::security::Access</name>
    <message>
        <source>The controls are locked: sign in to %1.</source>
        <translation>Les commandes sont verrouillées : connectez-vous pour %1.</translation>
    </message>
    <message>
        <source>Sign in to %1.</source>
        <translation>Connectez-vous pour %1.</translation>
    </message>
    <message>
        <source>A %1 may not %2.</source>
        <translation>Rôle « %1 » : non autorisé à %2.</translation>
    </message>
    <message>
        <source>Sign-in is not available on this station.</source>
        <translation>La connexion n&apos;est pas disponible sur cette centrale.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator.</source>
        <translation>Saisissez le code à 6 chiffres de votre authentificateur.</translation>
    </message>
    <message>
        <source>Your role needs a second factor: scan the code with an authenticator app, then enter the 6-digit code it shows.</source>
        <translation>Votre rôle exige un second facteur : scannez le code avec une application d&apos;authentification, puis saisissez le code à 6 chiffres affiché.</translation>
    </message>
    <message>
        <source>Sign-in failed.</source>
        <translation>Échec de la connexion.</translation>
    </message>
    <message>
        <source>Authenticator enrolled: sign in with your password and a code.</source>
        <translation>Authentificateur enregistré : connectez-vous avec votre mot de passe et un code.</translation>
    </message>
    <message>
        <source>That code does not match: try the next one.</source>
        <translation>Ce code ne correspond pas : essayez le suivant.</translation>
    </message>
    <message>
        <source>Administrator %1 created: sign in.</source>
        <translation>Administrateur %1 créé : connectez-vous.</translation>
    </message>
</context>
<context>
    <name>vigil::security::UserAdmin</name>
    <message>
        <source>User management needs the station&apos;s user database ([security] enabled).</source>
        <translation>La gestion des utilisateurs nécessite la base d&apos;utilisateurs de la centrale ([security] activé).</translation>
    </message>
    <message>
        <source>Still working on the last change.</source>
        <translation>La dernière modification est encore en cours.</translation>
    </message>
    <message>
        <source>A user name is 1 to 64 characters.</source>
        <translation>Un nom d&apos;utilisateur comporte de 1 à 64 caractères.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Choisissez un rôle.</translation>
    </message>
    <message>
        <source>The initial password needs at least 8 characters.</source>
        <translation>Le mot de passe initial doit comporter au moins 8 caractères.</translation>
    </message>
    <message>
        <source>A badge needs a PIN of at least 4 digits.</source>
        <translation>Un badge nécessite un code PIN d&apos;au moins 4 chiffres.</translation>
    </message>
    <message>
        <source>User %1 exists already.</source>
        <translation>L&apos;utilisateur %1 existe déjà.</translation>
    </message>
    <message>
        <source>User %1 added as %2.</source>
        <translation>Utilisateur %1 ajouté en tant que %2.</translation>
    </message>
    <message>
        <source>No user %1.</source>
        <translation>Aucun utilisateur %1.</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>Vous ne pouvez pas désactiver votre propre compte.</translation>
    </message>
    <message>
        <source>%1 is the last active administrator.</source>
        <translation>%1 est le dernier administrateur actif.</translation>
    </message>
    <message>
        <source>User %1 disabled: they cannot sign in.</source>
        <translation>Utilisateur %1 désactivé : connexion impossible.</translation>
    </message>
    <message>
        <source>User %1 enabled.</source>
        <translation>Utilisateur %1 activé.</translation>
    </message>
    <message>
        <source>The new password needs at least 8 characters.</source>
        <translation>Le nouveau mot de passe doit comporter au moins 8 caractères.</translation>
    </message>
    <message>
        <source>Password of %1 reset.</source>
        <translation>Mot de passe de %1 réinitialisé.</translation>
    </message>
    <message>
        <source>%1 scans the code with an authenticator app, then enters the 6-digit code it shows.</source>
        <translation>%1 scanne le code avec une application d&apos;authentification, puis saisit le code à 6 chiffres affiché.</translation>
    </message>
    <message>
        <source>Authenticator enrolled for %1.</source>
        <translation>Authentificateur enregistré pour %1.</translation>
    </message>
    <message>
        <source>That code does not match: try the next one.</source>
        <translation>Ce code ne correspond pas : essayez le suivant.</translation>
    </message>
    <message>
        <source>Authenticator of %1 removed: a new one is enrolled at the next sign-in if the role needs it.</source>
        <translation>Authentificateur de %1 supprimé : un nouveau sera enregistré à la prochaine connexion si le rôle l&apos;exige.</translation>
    </message>
    <message>
        <source>%1 is already %2.</source>
        <translation>%1 est déjà %2.</translation>
    </message>
    <message>
        <source>You cannot change your own role: another administrator does it.</source>
        <translation>Vous ne pouvez pas changer votre propre rôle : un autre administrateur le fait.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 est maintenant %2.</translation>
    </message>
    <message>
        <source>A display name is at most 64 characters.</source>
        <translation>Un nom affiché compte au plus 64 caractères.</translation>
    </message>
    <message>
        <source>The display name of %1 is unchanged.</source>
        <translation>Le nom affiché de %1 est inchangé.</translation>
    </message>
    <message>
        <source>%1 is shown by the user name now.</source>
        <translation>%1 est maintenant affiché par son nom d’utilisateur.</translation>
    </message>
    <message>
        <source>%1 is shown as %2.</source>
        <translation>%1 est affiché comme %2.</translation>
    </message>
    <message>
        <source>You cannot delete your own account.</source>
        <translation>Vous ne pouvez pas supprimer votre propre compte.</translation>
    </message>
    <message>
        <source>User %1 deleted; their audit records stay.</source>
        <translation>Utilisateur %1 supprimé ; ses entrées d’audit restent.</translation>
    </message>
</context>
</TS>
