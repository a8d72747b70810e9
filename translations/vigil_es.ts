<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AlarmBar</name>
    <message>
        <source>No active alarms</source>
        <translation>Sin alarmas activas</translation>
    </message>
    <message>
        <source>✓ acknowledged</source>
        <translation>✓ reconocida</translation>
    </message>
    <message>
        <source>ESCALATED</source>
        <translation>ESCALADA</translation>
    </message>
    <message>
        <source>unack.</source>
        <translation>no rec.</translation>
    </message>
    <message>
        <source>Ack [A]</source>
        <extracomment>Acknowledge the alarm (IEC 60601-1-8: the nurse has seen it; it stops the sound, the alarm stays). [A] = keyboard key, keep it</extracomment>
        <translation>Rec. [A]</translation>
    </message>
    <message>
        <source>Audio pause [P]</source>
        <extracomment>Silence the alarm sound for a while (audio paused, IEC 60601-1-8); the alarms stay shown. [P] = keyboard key</extracomment>
        <translation>Pausa audio [P]</translation>
    </message>
    <message>
        <source>Alarms [L]</source>
        <translation>Alarmas [L]</translation>
    </message>
</context>
<context>
    <name>AlarmCentre</name>
    <message>
        <source>Alarms — %1 signalling, %2 unacknowledged</source>
        <translation>Alarmas — %1 activas, %2 sin reconocer</translation>
    </message>
    <message>
        <source>1 update waiting</source>
        <translation>1 actualización pendiente</translation>
    </message>
    <message>
        <source>%1 updates waiting</source>
        <translation>%1 actualizaciones pendientes</translation>
    </message>
    <message>
        <source> — release to refresh</source>
        <translation> — suelte para actualizar</translation>
    </message>
    <message>
        <source>Close [Esc]</source>
        <translation>Cerrar [Esc]</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Cama</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condición</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Acciones</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Central</translation>
    </message>
    <message>
        <source>paused</source>
        <extracomment>Alarm state: the bed&apos;s alarms are paused (not signalled at all for a while), not a pause in the ECG</extracomment>
        <translation>en pausa</translation>
    </message>
    <message>
        <source>reset (%1)</source>
        <translation>restablecida (%1)</translation>
    </message>
    <message>
        <source> · escalated</source>
        <translation> · escalada</translation>
    </message>
    <message>
        <source> · ack %1</source>
        <translation> · rec. %1</translation>
    </message>
    <message>
        <source>Ack</source>
        <extracomment>Short for acknowledge an alarm (the nurse has seen it). Narrow button</extracomment>
        <translation>Rec.</translation>
    </message>
    <message>
        <source>Reset</source>
        <extracomment>Clear a latched alarm whose cause has ended (IEC 60601-1-8 alarm reset). Narrow button</extracomment>
        <translation>Restablecer</translation>
    </message>
    <message>
        <source>No alarms</source>
        <translation>Sin alarmas</translation>
    </message>
</context>
<context>
    <name>AlarmText</name>
    <message>
        <source>, now %1</source>
        <extracomment>Alarm numbers: the value that triggered, then the current value (&quot;85 &lt; 90, now 92&quot;).</extracomment>
        <translation>, ahora %1</translation>
    </message>
    <message>
        <source>Station</source>
        <extracomment>Where an alarm is: the central station itself (not a bed), e.g. a gateway link down.</extracomment>
        <translation>Central</translation>
    </message>
    <message>
        <source>%1 high</source>
        <extracomment>Alarm condition: a measured value above its upper alarm limit. %1 = parameter label (HR, SpO2, NIBP sys), keep it as is. Short: it is shown in the alarm bar and on the bed tile.</extracomment>
        <translation>%1 alta</translation>
    </message>
    <message>
        <source>%1 low</source>
        <extracomment>Alarm condition: a measured value below its lower alarm limit. %1 = parameter label, keep it as is.</extracomment>
        <translation>%1 baja</translation>
    </message>
    <message>
        <source>%1 alarm</source>
        <extracomment>Alarm condition of a parameter without a direction. %1 = parameter label, keep it as is.</extracomment>
        <translation>Alarma %1</translation>
    </message>
    <message>
        <source>%1: no current value</source>
        <extracomment>Technical alarm: the parameter (%1, e.g. HR) has not sent a value for too long; the number shown is stale.</extracomment>
        <translation>%1: sin valor actual</translation>
    </message>
    <message>
        <source>Gateway link down</source>
        <extracomment>Technical alarm: the network link to the gateway (the bedside monitors&apos; concentrator) is down.</extracomment>
        <translation>Conexión con la pasarela caída</translation>
    </message>
    <message>
        <source>No data</source>
        <extracomment>Technical alarm: a bed&apos;s monitor sends no data at all.</extracomment>
        <translation>Sin datos</translation>
    </message>
    <message>
        <source>ECG lead off</source>
        <extracomment>Technical alarm: an ECG electrode (lead = electrode wire, not &quot;to lead&quot;) has come off the patient.</extracomment>
        <translation>Electrodo ECG desconectado</translation>
    </message>
    <message>
        <source>SpO2 sensor off</source>
        <extracomment>Technical alarm: the pulse oximeter (SpO2) sensor is off the patient&apos;s finger.</extracomment>
        <translation>Sensor SpO2 desconectado</translation>
    </message>
    <message>
        <source>%1 sensor off</source>
        <extracomment>Technical alarm: the sensor of parameter %1 (e.g. etCO2) is off or unplugged. Keep %1 as is.</extracomment>
        <translation>Sensor %1 desconectado</translation>
    </message>
    <message>
        <source>Waveform gap</source>
        <extracomment>Technical alarm: the waveform (ECG, pleth curve) had a gap: samples were lost.</extracomment>
        <translation>Interrupción de la curva</translation>
    </message>
    <message>
        <source>Alert manager not answering</source>
        <extracomment>Technical alarm: the alert manager (forwards alarms to nurses&apos; phones and pagers) does not answer.</extracomment>
        <translation>El gestor de alarmas no responde</translation>
    </message>
    <message>
        <source>Archive failure</source>
        <extracomment>Technical alarm: the station cannot write its archive (recorded vital signs and alarms).</extracomment>
        <translation>Fallo del archivo</translation>
    </message>
    <message>
        <source>ARCHIVE: %1</source>
        <extracomment>Technical alarm, %1 = what failed (a technical message, shown as is).</extracomment>
        <translation>ARCHIVO: %1</translation>
    </message>
    <message>
        <source>Gateway %1: no heartbeat for %2 s</source>
        <extracomment>Technical alarm: %1 = gateway name; it sent no heartbeat (keep-alive message) for %2 seconds.</extracomment>
        <translation>Pasarela %1: sin señal de vida desde hace %2 s</translation>
    </message>
    <message>
        <source>%1: link down</source>
        <extracomment>Technical alarm: %1 = gateway or source name; its link is down.</extracomment>
        <translation>%1: conexión caída</translation>
    </message>
    <message>
        <source>%1: link down (%2)</source>
        <extracomment>Technical alarm: %1 = gateway or source name, %2 = the reason (technical, shown as is).</extracomment>
        <translation>%1: conexión caída (%2)</translation>
    </message>
    <message>
        <source>%1: link down: 1 bed unwatched (%2)</source>
        <extracomment>Technical alarm: %1 = source name; one bed (%2 = its label) is no longer watched.</extracomment>
        <translation>%1: conexión caída: 1 cama sin vigilancia (%2)</translation>
    </message>
    <message>
        <source>%1: link down: %2 beds unwatched (%3)</source>
        <extracomment>Technical alarm: %1 = source name, %2 = number of beds (2 or more) no longer watched, %3 = their labels.</extracomment>
        <translation>%1: conexión caída: %2 camas sin vigilancia (%3)</translation>
    </message>
    <message>
        <source>%1: link down (%2): 1 bed unwatched (%3)</source>
        <extracomment>Technical alarm: %1 = source name, %2 = reason, one bed (%3 = its label) is no longer watched.</extracomment>
        <translation>%1: conexión caída (%2): 1 cama sin vigilancia (%3)</translation>
    </message>
    <message>
        <source>%1: link down (%2): %3 beds unwatched (%4)</source>
        <extracomment>Technical alarm: %1 = source name, %2 = reason, %3 = number of beds (2 or more), %4 = their labels.</extracomment>
        <translation>%1: conexión caída (%2): %3 camas sin vigilancia (%4)</translation>
    </message>
    <message>
        <source>Alert manager: no reply for %1 %2</source>
        <extracomment>Technical alarm: the alert manager did not confirm an alarm sent to it. %1 = bed, %2 = the alarm.</extracomment>
        <translation>Gestor de alarmas: sin respuesta para %1 %2</translation>
    </message>
    <message>
        <source>Alert manager: delivery failed</source>
        <extracomment>Technical alarm: the alert manager could not deliver an alarm to a nurse&apos;s phone or pager.</extracomment>
        <translation>Gestor de alarmas: entrega fallida</translation>
    </message>
    <message>
        <source>Alert manager: delivery failed (%1)</source>
        <extracomment>Technical alarm: %1 = the alert manager&apos;s reason (technical, shown as is).</extracomment>
        <translation>Gestor de alarmas: entrega fallida (%1)</translation>
    </message>
    <message>
        <source>Alert manager: delivery failed for %1 %2</source>
        <extracomment>Technical alarm: %1 = bed, %2 = the alarm that was not delivered to the nurse&apos;s phone or pager.</extracomment>
        <translation>Gestor de alarmas: entrega fallida para %1 %2</translation>
    </message>
    <message>
        <source>Alert manager: delivery failed for %1 %2 (%3)</source>
        <extracomment>Technical alarm: %1 = bed, %2 = the alarm not delivered, %3 = the alert manager&apos;s reason (as is).</extracomment>
        <translation>Gestor de alarmas: entrega fallida para %1 %2 (%3)</translation>
    </message>
    <message>
        <source>NEWS2 %1: emergency response</source>
        <extracomment>Advisory alarm: NEWS2 (National Early Warning Score 2, keep the name) total %1 calls for an emergency response (the rapid response / medical emergency team).</extracomment>
        <translation>NEWS2 %1: respuesta de emergencia</translation>
    </message>
    <message>
        <source>NEWS2 %1: urgent response</source>
        <extracomment>Advisory alarm: NEWS2 total %1 calls for an urgent response (urgent review by a clinician).</extracomment>
        <translation>NEWS2 %1: respuesta urgente</translation>
    </message>
    <message>
        <source>NEWS2: a 3 in one parameter, urgent ward review</source>
        <extracomment>Advisory alarm: one NEWS2 parameter scored 3 (the maximum): an urgent review on the ward is due.</extracomment>
        <translation>NEWS2: un 3 en un parámetro, valoración urgente en la unidad</translation>
    </message>
    <message>
        <source>Asystole (central)</source>
        <extracomment>ECG rhythm alarm found by the station&apos;s own (central) ECG analysis: asystole (no heart activity).</extracomment>
        <translation>Asistolia (central)</translation>
    </message>
    <message>
        <source>Pause (central)</source>
        <extracomment>ECG rhythm alarm of the central analysis: a pause = a long gap between heart beats (not &quot;pause the alarm&quot;).</extracomment>
        <translation>Pausa (central)</translation>
    </message>
    <message>
        <source>Extreme brady (central)</source>
        <extracomment>ECG rhythm alarm of the central analysis: extreme bradycardia (very slow heart rate).</extracomment>
        <translation>Bradicardia extrema (central)</translation>
    </message>
    <message>
        <source>Extreme tachy (central)</source>
        <extracomment>ECG rhythm alarm of the central analysis: extreme tachycardia (very fast heart rate).</extracomment>
        <translation>Taquicardia extrema (central)</translation>
    </message>
    <message>
        <source>Extreme brady (central) HR %1</source>
        <extracomment>ECG rhythm alarm with the heart rate %1 (beats per minute): extreme bradycardia.</extracomment>
        <translation>Bradicardia extrema (central) HR %1</translation>
    </message>
    <message>
        <source>Extreme tachy (central) HR %1</source>
        <extracomment>ECG rhythm alarm with the heart rate %1 (beats per minute): extreme tachycardia.</extracomment>
        <translation>Taquicardia extrema (central) HR %1</translation>
    </message>
    <message>
        <source>ECG noisy: central analysis suspended</source>
        <extracomment>Technical alarm: the ECG is too noisy (artefacts) for the station&apos;s own rhythm analysis, which stops.</extracomment>
        <translation>ECG con ruido: análisis central suspendido</translation>
    </message>
    <message>
        <source>Patient identity mismatch: monitor %1, admitted %2</source>
        <extracomment>Technical alarm: the bedside monitor&apos;s patient (%1 = its patient ID) differs from the patient admitted to the bed (%2 = the admitted patient&apos;s ID, MRN).</extracomment>
        <translation>Discrepancia de identidad del paciente: monitor %1, ingresado %2</translation>
    </message>
    <message>
        <source>Patient identity mismatch</source>
        <extracomment>Technical alarm: the bedside monitor&apos;s patient differs from the patient admitted to the bed.</extracomment>
        <translation>Discrepancia de identidad del paciente</translation>
    </message>
    <message>
        <source>VFib (central)</source>
        <extracomment>ECG rhythm alarm of the central analysis: ventricular fibrillation (VF).</extracomment>
        <translation>FV (central)</translation>
    </message>
    <message>
        <source>VTach (central)</source>
        <extracomment>ECG rhythm alarm of the central analysis: ventricular tachycardia (VT).</extracomment>
        <translation>TV (central)</translation>
    </message>
    <message>
        <source>VTach (central) HR %1</source>
        <extracomment>ECG rhythm alarm with the heart rate %1 (beats per minute): ventricular tachycardia.</extracomment>
        <translation>TV (central) HR %1</translation>
    </message>
    <message>
        <source>HR %1 differs from ECG beats %2 (central)</source>
        <extracomment>Technical alarm: the monitor&apos;s heart rate %1 and the rate counted from the ECG beats at the central (%2) disagree.</extracomment>
        <translation>HR %1 difiere de los latidos ECG %2 (central)</translation>
    </message>
    <message>
        <source>Cluster unreachable: local monitoring only</source>
        <extracomment>Technical alarm: the station lost its link to the hospital&apos;s monitoring cluster (other stations&apos; beds and alarms); its own beds are still monitored.</extracomment>
        <translation>Clúster inaccesible: solo monitorización local</translation>
    </message>
    <message>
        <source>EHR link down</source>
        <extracomment>Technical alarm: charting messages for the electronic health record (EHR) cannot be delivered.</extracomment>
        <translation>Conexión EHR caída</translation>
    </message>
    <message>
        <source>EHR link down: %1 charting message(s) waiting</source>
        <extracomment>Technical alarm: charting messages for the EHR cannot be delivered; %1 of them wait to be sent.</extracomment>
        <translation>Conexión EHR caída: %1 mensaje(s) de registro en espera</translation>
    </message>
</context>
<context>
    <name>BedActions</name>
    <message>
        <source>Acknowledge bed [A]</source>
        <translation>Reconocer cama [A]</translation>
    </message>
    <message>
        <source>Resume alarms (paused %1)</source>
        <extracomment>The bed&apos;s alarms are paused (alarm paused, IEC 60601-1-8: not signalled) for %1 more (mm:ss); press to turn them back on</extracomment>
        <translation>Reanudar alarmas (en pausa %1)</translation>
    </message>
    <message>
        <source>Pause bed alarms</source>
        <extracomment>Turn this bed&apos;s alarms off for a few minutes (alarm paused: e.g. while washing the patient), not a pause in the ECG</extracomment>
        <translation>Pausar alarmas de la cama</translation>
    </message>
    <message>
        <source>Reset latched</source>
        <extracomment>Clear this bed&apos;s latched alarms (alarms that stay on after their cause ended until a nurse resets them)</extracomment>
        <translation>Restablecer memorizadas</translation>
    </message>
    <message>
        <source>Alarm limits…</source>
        <extracomment>Opens the bed&apos;s alarm limits (upper and lower thresholds of each vital sign)</extracomment>
        <translation>Límites de alarma…</translation>
    </message>
    <message>
        <source>  (custom)</source>
        <translation>  (personalizados)</translation>
    </message>
    <message>
        <source>Handover…</source>
        <extracomment>Opens the shift handover notes of this patient (nurse-to-nurse report at shift change)</extracomment>
        <translation>Relevo…</translation>
    </message>
    <message>
        <source>Print… [Ctrl+P]</source>
        <translation>Imprimir… [Ctrl+P]</translation>
    </message>
    <message>
        <source>Handover (shift report)</source>
        <translation>Relevo (informe de turno)</translation>
    </message>
    <message>
        <source>Alarm strip (last 20 s)</source>
        <extracomment>Print a strip: a paper recording of the waveforms (ECG) of the last 20 seconds</extracomment>
        <translation>Tira de alarma (últimos 20 s)</translation>
    </message>
    <message>
        <source>Event list</source>
        <extracomment>Print the list of the bed&apos;s alarms and events</extracomment>
        <translation>Lista de eventos</translation>
    </message>
    <message>
        <source>Patient…</source>
        <extracomment>Opens the bed&apos;s patient: admit, edit, transfer, discharge</extracomment>
        <translation>Paciente…</translation>
    </message>
    <message>
        <source>Admit…</source>
        <translation>Ingresar…</translation>
    </message>
    <message>
        <source>Validate vitals…</source>
        <extracomment>Opens the vital signs to check and chart into the patient&apos;s record (EHR) as validated</extracomment>
        <translation>Validar constantes…</translation>
    </message>
</context>
<context>
    <name>BedDetail</name>
    <message>
        <source>◀  Ward  (Esc)</source>
        <translation>◀  Unidad  (Esc)</translation>
    </message>
    <message>
        <source>Review  [R]</source>
        <extracomment>Opens the review of the bed&apos;s recorded history (full disclosure: waveforms, trends, alarms), not a clinical review. [R] = keyboard key</extracomment>
        <translation>Revisión  [R]</translation>
    </message>
    <message>
        <source>No patient</source>
        <translation>Sin paciente</translation>
    </message>
    <message>
        <source>ALARMS PAUSED</source>
        <translation>ALARMAS EN PAUSA</translation>
    </message>
    <message>
        <source>NO DATA</source>
        <translation>SIN DATOS</translation>
    </message>
</context>
<context>
    <name>BedReview</name>
    <message>
        <source>◀  Back  (Esc)</source>
        <translation>◀  Volver  (Esc)</translation>
    </message>
    <message>
        <source>Review  ·  %1</source>
        <extracomment>Title of the history review of bed %1 (recorded waveforms, trends, alarms)</extracomment>
        <translation>Revisión  ·  %1</translation>
    </message>
    <message>
        <source>Trends</source>
        <extracomment>Tab: graphs of the vital signs over hours (trend view)</extracomment>
        <translation>Tendencias</translation>
    </message>
    <message>
        <source>Full disclosure</source>
        <translation>Registro completo</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmas</translation>
    </message>
    <message>
        <source>Alarm strip of this moment</source>
        <extracomment>Print a strip: a paper recording of the waveforms (ECG) around the moment shown</extracomment>
        <translation>Tira de alarma de este momento</translation>
    </message>
    <message>
        <source>Full disclosure of the shown range</source>
        <translation>Registro completo del intervalo mostrado</translation>
    </message>
    <message>
        <source>Loading %1 %</source>
        <translation>Cargando %1 %</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>No archive available</source>
        <translation>No hay archivo disponible</translation>
    </message>
    <message>
        <source>This station is not keeping an archive, so the history of %1 cannot be reviewed. Live monitoring is not affected.</source>
        <translation>Esta central no mantiene un archivo, por lo que no se puede revisar el historial de %1. La monitorización en directo no se ve afectada.</translation>
    </message>
    <message>
        <source>Archive: %1</source>
        <translation>Archivo: %1</translation>
    </message>
</context>
<context>
    <name>BedTile</name>
    <message>
        <source>No patient</source>
        <translation>Sin paciente</translation>
    </message>
    <message>
        <source>CUSTOM LIMITS</source>
        <translation>LÍMITES PERSON.</translation>
    </message>
    <message>
        <source>LIM*</source>
        <translation>LÍM*</translation>
    </message>
    <message>
        <source>  ESCALATED</source>
        <translation>  ESCALADA</translation>
    </message>
    <message>
        <source>ALARMS PAUSED</source>
        <translation>ALARMAS EN PAUSA</translation>
    </message>
    <message>
        <source>NO DATA</source>
        <translation>SIN DATOS</translation>
    </message>
    <message>
        <source>Remote · %1</source>
        <extracomment>Marks a bed monitored by another central station (shown here through the hospital cluster); %1 is that station&apos;s name.</extracomment>
        <translation>Remota · %1</translation>
    </message>
</context>
<context>
    <name>Census</name>
    <message>
        <source>no such pending conflict</source>
        <translation>no existe ese conflicto pendiente</translation>
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
        <translation>  %1 en espera</translation>
    </message>
    <message>
        <source>DICOM node: %1</source>
        <translation>Nodo DICOM: %1</translation>
    </message>
    <message>
        <source>%1 waiting to be sent, %2 being built</source>
        <translation>%1 en espera de envío, %2 en preparación</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>Refused by the node, kept in the queue:</source>
        <extracomment>Objects the hospital&apos;s DICOM node (PACS) refused; they stay in the send queue, listed below with the node&apos;s reason.</extracomment>
        <translation>Rechazado por el nodo, se queda en la cola:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A refused DICOM object: %1 its name, %2 the node&apos;s reason</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Confirm discard</source>
        <extracomment>Take an object the PACS refused out of the send queue for good (it is never sent)</extracomment>
        <translation>Confirmar descarte</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Retry now</source>
        <extracomment>Send the objects waiting for the PACS now instead of at their next retry</extracomment>
        <translation>Reintentar ahora</translation>
    </message>
</context>
<context>
    <name>DicomView</name>
    <message numerus="yes">
        <source>%1  %2  —  %3, acquired %4  —  %n channel(s)</source>
        <extracomment>The DICOM viewer&apos;s header: what the file is and who it belongs to. %1 patient, %2 patient id, %3 the kind of object (12-lead ECG...), %4 acquisition time, %n number of channels.</extracomment>
        <translation>
            <numerusform>%1  %2  —  %3, adquirido %4  —  %n canal</numerusform>
            <numerusform>%1  %2  —  %3, adquirido %4  —  %n canales</numerusform>
        </translation>
    </message>
    <message>
        <source>Odd in this file: %1</source>
        <translation>Anomalías en este archivo: %1</translation>
    </message>
</context>
<context>
    <name>DicomViewer</name>
    <message>
        <source>← → 10 s   Page Up / Page Down 1 min   Home start   Esc close</source>
        <translation>← → 10 s   Re Pág / Av Pág 1 min   Inicio principio   Esc cerrar</translation>
    </message>
    <message numerus="yes">
        <source>Multiplex group %1 of %2: %3, %n channel(s)   Tab next group</source>
        <translation>
            <numerusform>Grupo multiplex %1 de %2: %3, %n canal   Tab grupo siguiente</numerusform>
            <numerusform>Grupo multiplex %1 de %2: %3, %n canales   Tab grupo siguiente</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoverPanel</name>
    <message>
        <source>Handover (I-PASS)</source>
        <extracomment>Shift handover report (nurse to nurse); I-PASS is the name of the handover method, keep it</extracomment>
        <translation>Relevo (I-PASS)</translation>
    </message>
    <message>
        <source>Illness severity</source>
        <translation>Gravedad de la enfermedad</translation>
    </message>
    <message>
        <source>Action list and notes</source>
        <translation>Tareas y notas</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>LimitsPanel</name>
    <message>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>Restoring defaults is not available in this station version</source>
        <translation>Restaurar los valores predeterminados no está disponible en esta versión</translation>
    </message>
    <message>
        <source>Alarm limits — %1</source>
        <extracomment>Title: the alarm limits (upper and lower thresholds) of bed %1</extracomment>
        <translation>Límites de alarma — %1</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Predeterminados</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Low limit</source>
        <translation>Límite inferior</translation>
    </message>
    <message>
        <source>High limit</source>
        <translation>Límite superior</translation>
    </message>
    <message>
        <source>set at bedside monitor</source>
        <translation>ajustado en el monitor de cabecera</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>personalizado</translation>
    </message>
    <message>
        <source>ward default</source>
        <translation>predeterminado de la unidad</translation>
    </message>
    <message>
        <source>Apply these limit changes?</source>
        <translation>¿Aplicar estos cambios de límites?</translation>
    </message>
    <message>
        <source>Restore the ward&apos;s default limits for this bed? Limits set at the bedside monitor stay as they are.</source>
        <translation>¿Restaurar los límites predeterminados de la unidad para esta cama? Los límites ajustados en el monitor de cabecera no cambian.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Descartar cambios</translation>
    </message>
    <message>
        <source>Apply changes…</source>
        <translation>Aplicar cambios…</translation>
    </message>
    <message>
        <source>Apply 1 change…</source>
        <translation>Aplicar 1 cambio…</translation>
    </message>
    <message>
        <source>Apply %1 changes…</source>
        <translation>Aplicar %1 cambios…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Confirm: restore defaults</source>
        <translation>Confirmar: predeterminados</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>ARCHIVE: %1 — live monitoring continues; call biomed</source>
        <translation>ARCHIVO: %1 — la monitorización continúa; avise a electromedicina</translation>
    </message>
    <message>
        <source>WAVEFORMS UNAVAILABLE: no OpenGL renderer on this PC. Numerics are live; call biomed.</source>
        <translation>CURVAS NO DISPONIBLES: no hay renderizador OpenGL en este PC. Los valores están en directo; avise a electromedicina.</translation>
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
        <translation>NEWS2 incompleto</translation>
    </message>
</context>
<context>
    <name>NewsPanel</name>
    <message>
        <source>NEWS2: no inputs yet</source>
        <translation>NEWS2: aún sin datos</translation>
    </message>
    <message>
        <source>NEWS2 %1 %2  %3</source>
        <translation>NEWS2 %1 %2  %3</translation>
    </message>
    <message>
        <source>NEWS2 incomplete (≥%1): %2</source>
        <translation>NEWS2 incompleto (≥%1): %2</translation>
    </message>
    <message>
        <source>Deteriorating: %1</source>
        <translation>Empeoramiento: %1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>STALE </source>
        <translation>ANTIGUO </translation>
    </message>
    <message>
        <source>Air</source>
        <translation>Aire ambiente</translation>
    </message>
    <message>
        <source>O₂</source>
        <translation>O₂</translation>
    </message>
    <message>
        <source>SpO₂ scale 2 (%1) → scale 1</source>
        <translation>SpO₂ escala 2 (%1) → escala 1</translation>
    </message>
    <message>
        <source>SpO₂ scale 2…</source>
        <translation>SpO₂ escala 2…</translation>
    </message>
    <message>
        <source>Resp rate</source>
        <extracomment>Respiration rate (breaths per minute), a NEWS2 parameter. Short: a narrow column</extracomment>
        <translation>Frec. resp.</translation>
    </message>
    <message>
        <source>Sys BP</source>
        <translation>PA sist.</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>Pulso</translation>
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
        <translation>valor</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Introducir</translation>
    </message>
    <message>
        <source>Type a number</source>
        <translation>Escriba un número</translation>
    </message>
</context>
<context>
    <name>NumericBox</name>
    <message>
        <source>old %1</source>
        <translation>antiguo %1</translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <source>The medical record number is required.</source>
        <translation>El número de historia clínica (MRN) es obligatorio.</translation>
    </message>
    <message>
        <source>Date of birth as YYYY-MM-DD.</source>
        <translation>Fecha de nacimiento como AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>Patient — %1</source>
        <extracomment>Title of the patient panel; %1 is the bed&apos;s label</extracomment>
        <translation>Paciente — %1</translation>
    </message>
    <message>
        <source>Admit a patient — %1</source>
        <translation>Ingresar un paciente — %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <extracomment>Where the stay came from: adt (hospital system), manual (typed here) or unadmitted (data only)</extracomment>
        <translation>Origen: %1</translation>
    </message>
    <message>
        <source>Identity mismatch: the monitor reports %1 (%2), the bed&apos;s stay is %3 (%4).</source>
        <extracomment>Technical condition: the monitor reports another patient than the one admitted to the bed</extracomment>
        <translation>Discrepancia de identidad: el monitor indica %1 (%2), la estancia de la cama es %3 (%4).</translation>
    </message>
    <message>
        <source>Use the monitor&apos;s patient</source>
        <translation>Usar el paciente del monitor</translation>
    </message>
    <message>
        <source>Keep the admitted patient</source>
        <translation>Mantener el paciente ingresado</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Episodio</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <extracomment>Date of birth; the patient&apos;s age sets the alarm defaults (adult, paediatric, neonatal)</extracomment>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>female</source>
        <translation>femenino</translation>
    </message>
    <message>
        <source>male</source>
        <translation>masculino</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otro</translation>
    </message>
    <message>
        <source>undisclosed</source>
        <translation>no declarado</translation>
    </message>
    <message>
        <source>Attending</source>
        <translation>Médico responsable</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>A changed date of birth can change the alarm defaults of this bed (adult, paediatric, neonatal).</source>
        <translation>Un cambio de la fecha de nacimiento puede cambiar los ajustes de alarma predeterminados de esta cama (adulto, pediátrico, neonatal).</translation>
    </message>
    <message>
        <source>Transfer to</source>
        <extracomment>Move the admitted patient to another bed (transfer)</extracomment>
        <translation>Trasladar a</translation>
    </message>
    <message>
        <source>Transfer</source>
        <extracomment>Button: move the admitted patient to the bed chosen (transfer)</extracomment>
        <translation>Trasladar</translation>
    </message>
    <message>
        <source>Save</source>
        <extracomment>Button: admit the patient to this bed (start the stay)</extracomment>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Admit</source>
        <translation>Ingresar</translation>
    </message>
    <message>
        <source>Confirm discharge</source>
        <extracomment>Button: the patient leaves the ward (discharge; ends the stay)</extracomment>
        <translation>Confirmar alta</translation>
    </message>
    <message>
        <source>Discharge…</source>
        <translation>Dar de alta…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Discharge ends the stay; its data stays in the archive and the bed&apos;s alarms return to the defaults.</source>
        <translation>El alta cierra la estancia; sus datos permanecen en el archivo y las alarmas de la cama vuelven a los ajustes predeterminados.</translation>
    </message>
    <message>
        <source>Find a patient…</source>
        <extracomment>Opens the search for current and discharged stays by MRN or name</extracomment>
        <translation>Buscar paciente…</translation>
    </message>
</context>
<context>
    <name>PrintMenuButton</name>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Queued for the printer (%1)</source>
        <translation>En cola de impresión (%1)</translation>
    </message>
    <message>
        <source>No printer is configured on this station: use PDF</source>
        <translation>No hay impresora configurada en esta central: use PDF</translation>
    </message>
    <message>
        <source>PDF: %1</source>
        <translation>PDF: %1</translation>
    </message>
    <message>
        <source>PDF export is not available on this station</source>
        <translation>La exportación a PDF no está disponible en esta central</translation>
    </message>
    <message>
        <source>◀ Prev</source>
        <translation>◀ Ant.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Sig. ▶</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Building report… %1 %</source>
        <translation>Generando informe… %1 %</translation>
    </message>
    <message>
        <source>← → or swipe: turn pages    Printer: %1</source>
        <translation>← → o deslizar: pasar páginas    Impresora: %1</translation>
    </message>
    <message>
        <source>Building for PACS (%1): the result shows here and on the PACS chip</source>
        <translation>Preparando para PACS (%1): el resultado aparece aquí y en el indicador PACS</translation>
    </message>
    <message>
        <source>Send to PACS</source>
        <extracomment>Send the shown strip, range or report to the hospital&apos;s picture archive (DICOM)</extracomment>
        <translation>Enviar a PACS</translation>
    </message>
</context>
<context>
    <name>PrintStatusChip</name>
    <message>
        <source>Printer</source>
        <translation>Impresora</translation>
    </message>
    <message>
        <source>Printer ⚠</source>
        <translation>Impresora ⚠</translation>
    </message>
    <message>
        <source>PDF only</source>
        <translation>Solo PDF</translation>
    </message>
    <message>
        <source>  %1 queued</source>
        <translation>  %1 en cola</translation>
    </message>
    <message>
        <source>  %1 failed</source>
        <translation>  %1 fallidos</translation>
    </message>
    <message>
        <source>Printer: %1</source>
        <translation>Impresora: %1</translation>
    </message>
    <message>
        <source>%1 waiting, %2 failed</source>
        <translation>%1 en espera, %2 fallidos</translation>
    </message>
    <message>
        <source>Last failure: %1</source>
        <translation>Último fallo: %1</translation>
    </message>
    <message>
        <source>Ward shift summary</source>
        <translation>Resumen del turno de la unidad</translation>
    </message>
    <message>
        <source>Ward event list</source>
        <translation>Lista de eventos de la unidad</translation>
    </message>
</context>
<context>
    <name>ReviewAlarms</name>
    <message>
        <source>Acknowledged %1%2</source>
        <translation>Reconocida %1%2</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> por %1</translation>
    </message>
    <message>
        <source>No alarms in the last %1 h.</source>
        <translation>Sin alarmas en las últimas %1 h.</translation>
    </message>
    <message>
        <source>No alarms in this stay.</source>
        <translation>Sin alarmas durante esta estancia.</translation>
    </message>
    <message>
        <source>Onset %1   ·   30 s before to 30 s after</source>
        <translation>Inicio %1   ·   de 30 s antes a 30 s después</translation>
    </message>
    <message>
        <source>Choose an alarm to see its waves</source>
        <translation>Elija una alarma para ver sus curvas</translation>
    </message>
    <message>
        <source>Open in full disclosure</source>
        <translation>Abrir en el registro completo</translation>
    </message>
    <message>
        <source>Onset %1</source>
        <translation>Inicio %1</translation>
    </message>
    <message>
        <source>Select an alarm in the list (↑ ↓, Enter)</source>
        <translation>Seleccione una alarma en la lista (↑ ↓, Intro)</translation>
    </message>
</context>
<context>
    <name>ReviewDisclosure</name>
    <message>
        <source>Type a time like 03:12 or 03:12:30</source>
        <translation>Escriba una hora, p. ej. 03:12 o 03:12:30</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Ir a</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Ir</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Último</translation>
    </message>
    <message>
        <source>← →  10 s     Page Up / Page Down  1 min     G  go to a time     End  latest</source>
        <translation>← →  10 s     Re Pág / Av Pág  1 min     G  ir a una hora     Fin  último</translation>
    </message>
</context>
<context>
    <name>ReviewStrip</name>
    <message>
        <source>Loading waveforms…</source>
        <translation>Cargando curvas…</translation>
    </message>
    <message>
        <source>No waveforms archived between %1 and %2.</source>
        <translation>No hay curvas archivadas entre %1 y %2.</translation>
    </message>
</context>
<context>
    <name>ReviewTrends</name>
    <message>
        <source>Stay</source>
        <extracomment>Range: the whole hospital stay of the patient in this bed (since admission)</extracomment>
        <translation>Estancia</translation>
    </message>
    <message>
        <source>Whole range</source>
        <translation>Todo el intervalo</translation>
    </message>
    <message>
        <source>Waves at %1  [W]</source>
        <translation>Curvas a las %1  [W]</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmas</translation>
    </message>
    <message>
        <source>Loading trends…</source>
        <translation>Cargando tendencias…</translation>
    </message>
    <message>
        <source>No trends archived for this bed in the last %1 h.</source>
        <translation>No hay tendencias archivadas para esta cama en las últimas %1 h.</translation>
    </message>
    <message>
        <source>No trends archived for this stay.</source>
        <translation>No hay tendencias archivadas para esta estancia.</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <source>New station: create the first administrator</source>
        <translation>Central nueva: cree el primer administrador</translation>
    </message>
    <message>
        <source>Enrol an authenticator for %1</source>
        <translation>Registrar un autenticador para %1</translation>
    </message>
    <message>
        <source>Controls locked — sign in to unlock</source>
        <translation>Controles bloqueados — inicie sesión para desbloquear</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Sesión iniciada: %1 (%2)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password (8 characters or more)</source>
        <translation>Contraseña (8 caracteres o más)</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Crear administrador</translation>
    </message>
    <message>
        <source>6-digit code from the app</source>
        <translation>Código de 6 dígitos de la app</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Badge + PIN</source>
        <extracomment>Sign in with a staff badge (card) and a PIN</extracomment>
        <translation>Tarjeta + PIN</translation>
    </message>
    <message>
        <source>Badge (scan or type)</source>
        <translation>Tarjeta (escanear o teclear)</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Código de un solo uso</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Bloquear ahora</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Locks after %1 min without input. Alarms always show and sound.</source>
        <translation>Se bloquea tras %1 min sin actividad. Las alarmas siempre se muestran y suenan.</translation>
    </message>
    <message>
        <source>Manage users…</source>
        <translation>Gestionar usuarios…</translation>
    </message>
</context>
<context>
    <name>SourceChip</name>
    <message>
        <source>INSECURE</source>
        <translation>INSEGURO</translation>
    </message>
    <message>
        <source>Address: %1%2</source>
        <translation>Dirección: %1%2</translation>
    </message>
    <message>
        <source> (TLS)</source>
        <translation> (TLS)</translation>
    </message>
    <message>
        <source> (plaintext)</source>
        <translation> (sin cifrar)</translation>
    </message>
    <message>
        <source>State: %1 since %2</source>
        <translation>Estado: %1 desde %2</translation>
    </message>
    <message>
        <source>Messages: %1   Errors: %2   Resent: %3</source>
        <translation>Mensajes: %1   Errores: %2   Reenviados: %3</translation>
    </message>
    <message>
        <source>Last message: %1</source>
        <translation>Último mensaje: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Último error: %1</translation>
    </message>
</context>
<context>
    <name>StaySearch</name>
    <message>
        <source>Find a patient</source>
        <translation>Buscar paciente</translation>
    </message>
    <message>
        <source>MRN or name</source>
        <extracomment>Search field: a medical record number or part of a patient&apos;s name</extracomment>
        <translation>MRN o nombre</translation>
    </message>
    <message>
        <source>No stay found for “%1”.</source>
        <translation>No se encontró ninguna estancia para «%1».</translation>
    </message>
    <message>
        <source>%1  ·  MRN %2  ·  born %3</source>
        <extracomment>One search result: patient name, MRN and date of birth</extracomment>
        <translation>%1  ·  MRN %2  ·  nac. %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>Bed %1, admitted %2, in the bed now</source>
        <extracomment>A current stay: bed and admission time</extracomment>
        <translation>Cama %1, ingreso %2, en la cama ahora</translation>
    </message>
    <message>
        <source>Bed %1, %2 to %3 (discharged)</source>
        <extracomment>A past stay: bed, admission and discharge times</extracomment>
        <translation>Cama %1, del %2 al %3 (alta)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>HIGH</source>
        <translation>ALTA</translation>
    </message>
    <message>
        <source>MED</source>
        <translation>MEDIA</translation>
    </message>
    <message>
        <source>LOW</source>
        <translation>BAJA</translation>
    </message>
    <message>
        <source>NEO</source>
        <translation>NEO</translation>
    </message>
    <message>
        <source>PAED</source>
        <translation>PED</translation>
    </message>
    <message>
        <source>ADULT</source>
        <translation>ADULTO</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>AUDIO PAUSED [P]</source>
        <translation>AUDIO EN PAUSA [P]</translation>
    </message>
    <message>
        <source>%1 gateways</source>
        <translation>%1 pasarelas</translation>
    </message>
    <message>
        <source>%1 down</source>
        <translation>%1 caídas</translation>
    </message>
</context>
<context>
    <name>UserAdminPanel</name>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>2FA</source>
        <translation>2FA</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>No users</source>
        <translation>Sin usuarios</translation>
    </message>
    <message>
        <source>User management is not available on this station.</source>
        <translation>La gestión de usuarios no está disponible en esta central.</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>Añadir un usuario</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Initial password (8 characters or more)</source>
        <translation>Contraseña inicial (8 caracteres o más)</translation>
    </message>
    <message>
        <source>Badge (optional)</source>
        <translation>Tarjeta (opcional)</translation>
    </message>
    <message>
        <source>PIN for the badge</source>
        <translation>PIN de la tarjeta</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Añadir usuario</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Usuario %1</translation>
    </message>
    <message>
        <source>Select a user in the list</source>
        <translation>Seleccione un usuario de la lista</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Re-enrol 2FA</source>
        <translation>Renovar 2FA</translation>
    </message>
    <message>
        <source>Enrol 2FA</source>
        <translation>Registrar 2FA</translation>
    </message>
    <message>
        <source>Remove 2FA</source>
        <translation>Eliminar 2FA</translation>
    </message>
    <message>
        <source>New password (8 characters or more)</source>
        <translation>Nueva contraseña (8 caracteres o más)</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <source>6-digit code from the app</source>
        <translation>Código de 6 dígitos de la app</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Procesando…</translation>
    </message>
    <message>
        <source>Delete user…</source>
        <translation>Eliminar usuario…</translation>
    </message>
    <message>
        <source>Delete %1? They can no longer sign in; their audit records stay.</source>
        <translation>¿Eliminar a %1? Ya no podrá iniciar sesión; sus registros de auditoría se conservan.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Eliminar a %1</translation>
    </message>
    <message>
        <source>This is your own account: another administrator deletes it or changes its role.</source>
        <translation>Es su propia cuenta: otro administrador la elimina o cambia su rol.</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Cambiar rol</translation>
    </message>
    <message>
        <source>Display name (optional)</source>
        <translation>Nombre mostrado (opcional)</translation>
    </message>
    <message>
        <source>Change display name</source>
        <translation>Cambiar nombre mostrado</translation>
    </message>
</context>
<context>
    <name>UserChip</name>
    <message>
        <source>🔒 LOCKED</source>
        <translation>🔒 BLOQUEADO</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Viewer</source>
        <extracomment>The role shown under the user&apos;s name; &quot;Viewer&quot; when nobody is signed in</extracomment>
        <translation>Observador</translation>
    </message>
</context>
<context>
    <name>VitalsPanel</name>
    <message>
        <source>%1: not a number</source>
        <translation>%1: no es un número</translation>
    </message>
    <message>
        <source>No current vitals on this bed.</source>
        <translation>No hay constantes actuales en esta cama.</translation>
    </message>
    <message>
        <source>Validate vitals for the EHR — %1</source>
        <extracomment>Title; %1 is the bed&apos;s label. Validated vitals go to the electronic health record</extracomment>
        <translation>Validar constantes para la EHR — %1</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <extracomment>Why the nurse corrected the measured value</extracomment>
        <translation>Motivo de la corrección</translation>
    </message>
    <message>
        <source>Validate and chart</source>
        <extracomment>Confirm the vital signs and send them to the patient&apos;s record (EHR charting)</extracomment>
        <translation>Validar y registrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>WardOverview</name>
    <message>
        <source>Waiting for data from the ward&apos;s gateways…</source>
        <translation>Esperando datos de las pasarelas de la unidad…</translation>
    </message>
</context>
<context>
    <name>vigil::AdtWiring</name>
    <message>
        <source>no EHR link configured</source>
        <translation>no hay conexión EHR configurada</translation>
    </message>
    <message>
        <source>the bed has no admitted patient to chart for</source>
        <translation>la cama no tiene un paciente ingresado para el que registrar</translation>
    </message>
    <message>
        <source>the charting queue could not store the message</source>
        <translation>la cola de registro no pudo guardar el mensaje</translation>
    </message>
</context>
<context>
    <name>vigil::ClusterWiring</name>
    <message>
        <source>connecting</source>
        <translation>conectando</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>usuario desconocido</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message>
        <source>cluster unreachable</source>
        <translation>clúster inaccesible</translation>
    </message>
    <message>
        <source> · active for %1</source>
        <extracomment>Cluster status of a station that is one of a redundant pair for its unit, and now the one that publishes the unit.</extracomment>
        <translation> · activa para %1</translation>
    </message>
    <message>
        <source> · standby for %1 (active: %2)</source>
        <extracomment>Cluster status of the standby station of a redundant pair; %2 is the active station.</extracomment>
        <translation> · en espera para %1 (activa: %2)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
</context>
<context>
    <name>vigil::DicomState</name>
    <message>
        <source>No DICOM node is configured on this station</source>
        <translation>No hay ningún nodo DICOM configurado en esta central</translation>
    </message>
</context>
<context>
    <name>vigil::RunMarker</name>
    <message>
        <source>Restarted at %1 after an unexpected stop</source>
        <extracomment>Shown on the station after it was restarted automatically (crash, power cut). %1 is the time.</extracomment>
        <translation>Reiniciada a las %1 tras una parada inesperada</translation>
    </message>
</context>
<context>
    <name>vigil::Station</name>
    <message>
        <source>Deteriorating: %1</source>
        <translation>Empeoramiento: %1</translation>
    </message>
</context>
<context>
    <name>vigil::StationDicom</name>
    <message>
        <source>Sent to PACS: %1</source>
        <translation>Enviado a PACS: %1</translation>
    </message>
    <message>
        <source>PACS refused %1: %2</source>
        <translation>PACS rechazó %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>PACS not reached, %n object(s) wait: %1</source>
        <translation>
            <numerusform>PACS no alcanzado, %n objeto en espera: %1</numerusform>
            <numerusform>PACS no alcanzado, %n objetos en espera: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown report &apos;%1&apos;</source>
        <translation>Informe desconocido «%1»</translation>
    </message>
    <message>
        <source>Choose a bed first</source>
        <translation>Elija primero una cama</translation>
    </message>
    <message>
        <source>Choose a time range first</source>
        <translation>Elija primero un intervalo de tiempo</translation>
    </message>
    <message>
        <source>Reports need the archive</source>
        <translation>Los informes necesitan el archivo</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>No enviado: %1</translation>
    </message>
    <message>
        <source>Already queued or sent: %1</source>
        <translation>Ya en cola o enviado: %1</translation>
    </message>
    <message>
        <source>Queued for PACS: %1</source>
        <translation>En cola para PACS: %1</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Probando %1…</translation>
    </message>
    <message>
        <source>%1 answered C-ECHO in %2 ms</source>
        <translation>%1 respondió a C-ECHO en %2 ms</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>PACS refused %1, kept in the queue: %2</source>
        <translation>PACS rechazó %1, se mantiene en la cola: %2</translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n waiting object(s) now</source>
        <translation>
            <numerusform>Reintentando ahora %n objeto en espera</numerusform>
            <numerusform>Reintentando ahora %n objetos en espera</numerusform>
        </translation>
    </message>
    <message>
        <source>This object is not waiting in the queue as refused</source>
        <translation>Este objeto no espera en la cola como rechazado</translation>
    </message>
    <message>
        <source>Discarded %1; it will not be sent</source>
        <translation>%1 descartado; no se enviará</translation>
    </message>
    <message>
        <source>Not discarded: %1</source>
        <translation>No descartado: %1</translation>
    </message>
</context>
<context>
    <name>vigil::alarms::AlarmListModel</name>
    <message>
        <source>active</source>
        <extracomment>Alarm state: the alarm condition is present now</extracomment>
        <translation>activa</translation>
    </message>
    <message>
        <source>latched</source>
        <extracomment>Alarm state: the condition has ended but the alarm stays on until a nurse resets it (latching alarm)</extracomment>
        <translation>memorizada</translation>
    </message>
    <message>
        <source>ended</source>
        <extracomment>Alarm state: the alarm condition has ended</extracomment>
        <translation>finalizada</translation>
    </message>
    <message>
        <source>sending</source>
        <extracomment>Alarm sent to the alert manager (nurses&apos; phones/pagers), no answer yet</extracomment>
        <translation>enviando</translation>
    </message>
    <message>
        <source>delivered</source>
        <extracomment>The alert manager delivered the alarm to a nurse&apos;s phone or pager</extracomment>
        <translation>entregada</translation>
    </message>
    <message>
        <source>read</source>
        <extracomment>The nurse opened the alarm message on the phone</extracomment>
        <translation>leída</translation>
    </message>
    <message>
        <source>accepted</source>
        <extracomment>A nurse accepted (took over) the alarm on the phone</extracomment>
        <translation>aceptada</translation>
    </message>
    <message>
        <source>not delivered</source>
        <extracomment>The alert manager could not deliver the alarm to a phone or pager</extracomment>
        <translation>no entregada</translation>
    </message>
</context>
<context>
    <name>vigil::census::Census</name>
    <message>
        <source>no census at this station</source>
        <translation>no hay censo de camas en esta central</translation>
    </message>
    <message>
        <source>no identity mismatch on this bed</source>
        <translation>no hay discrepancia de identidad en esta cama</translation>
    </message>
    <message>
        <source>bed has no stay</source>
        <translation>la cama no tiene estancia</translation>
    </message>
    <message>
        <source>a corrected value needs a reason</source>
        <translation>un valor corregido necesita un motivo</translation>
    </message>
    <message>
        <source>no vitals to chart</source>
        <translation>no hay constantes que registrar</translation>
    </message>
</context>
<context>
    <name>vigil::census::CensusState</name>
    <message>
        <source>bed outside the station&apos;s units</source>
        <translation>cama fuera de las unidades de la central</translation>
    </message>
    <message>
        <source>transfer outside the station&apos;s units</source>
        <translation>traslado fuera de las unidades de la central</translation>
    </message>
    <message>
        <source>discharge outside the station&apos;s units</source>
        <translation>alta fuera de las unidades de la central</translation>
    </message>
    <message>
        <source>discharge of patient %1, who has no stay at this station</source>
        <translation>alta del paciente %1, que no tiene estancia en esta central</translation>
    </message>
    <message>
        <source>update for a patient outside the station&apos;s units</source>
        <translation>actualización de un paciente fuera de las unidades de la central</translation>
    </message>
    <message>
        <source>update for patient %1, who has no stay at this station</source>
        <translation>actualización del paciente %1, que no tiene estancia en esta central</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>no ha cambiado nada</translation>
    </message>
    <message>
        <source>cancel admit outside the station&apos;s units</source>
        <translation>anulación de ingreso fuera de las unidades de la central</translation>
    </message>
    <message>
        <source>cancel admit of patient %1, who has no stay at this station</source>
        <translation>anulación del ingreso del paciente %1, que no tiene estancia en esta central</translation>
    </message>
    <message>
        <source>cancel transfer outside the station&apos;s units</source>
        <translation>anulación de traslado fuera de las unidades de la central</translation>
    </message>
    <message>
        <source>cancel transfer of patient %1, who has no stay at this station</source>
        <translation>anulación del traslado del paciente %1, que no tiene estancia en esta central</translation>
    </message>
    <message>
        <source>cancel transfer of patient %1: no transfer to cancel</source>
        <translation>anulación del traslado del paciente %1: no hay traslado que anular</translation>
    </message>
    <message>
        <source>cancel discharge of patient %1, who is in bed %2</source>
        <translation>anulación del alta del paciente %1, que está en la cama %2</translation>
    </message>
    <message>
        <source>cancel discharge outside the station&apos;s units</source>
        <translation>anulación de alta fuera de las unidades de la central</translation>
    </message>
    <message>
        <source>cancel discharge of patient %1: no discharge to cancel</source>
        <translation>anulación del alta del paciente %1: no hay alta que anular</translation>
    </message>
    <message>
        <source>cancel discharge of patient %1: bed %2 is occupied by %3</source>
        <translation>anulación del alta del paciente %1: la cama %2 está ocupada por %3</translation>
    </message>
    <message>
        <source>unsupported event</source>
        <translation>evento no admitido</translation>
    </message>
    <message>
        <source>bed %1 does not exist at this station</source>
        <translation>la cama %1 no existe en esta central</translation>
    </message>
    <message>
        <source>a patient needs a medical record number</source>
        <translation>un paciente necesita un número de historia clínica (MRN)</translation>
    </message>
    <message>
        <source>patient %1 is already in bed %2</source>
        <translation>el paciente %1 ya está en la cama %2</translation>
    </message>
    <message>
        <source>already admitted to this bed</source>
        <translation>ya ingresado en esta cama</translation>
    </message>
    <message>
        <source>bed %1 is occupied by patient %2</source>
        <translation>la cama %1 está ocupada por el paciente %2</translation>
    </message>
    <message>
        <source>bed %1 has no stay</source>
        <translation>la cama %1 no tiene estancia</translation>
    </message>
    <message>
        <source>bed %1 has no admitted patient</source>
        <translation>la cama %1 no tiene paciente ingresado</translation>
    </message>
    <message>
        <source>patient %1 has no stay at this station</source>
        <translation>el paciente %1 no tiene estancia en esta central</translation>
    </message>
    <message>
        <source>already in bed %1</source>
        <translation>ya está en la cama %1</translation>
    </message>
    <message>
        <source>swap outside the station&apos;s units</source>
        <translation>intercambio fuera de las unidades de la central</translation>
    </message>
    <message>
        <source>swap without a second patient</source>
        <translation>intercambio sin segundo paciente</translation>
    </message>
    <message>
        <source>swap of patients %1 and %2: %3 has no stay at this station</source>
        <translation>intercambio de los pacientes %1 y %2: %3 no tiene estancia en esta central</translation>
    </message>
    <message>
        <source>swap of patient %1 with itself</source>
        <translation>intercambio del paciente %1 consigo mismo</translation>
    </message>
    <message>
        <source>merge without MRG-1 (the identifier that is merged)</source>
        <translation>fusión sin MRG-1 (el identificador que se fusiona)</translation>
    </message>
    <message>
        <source>merge of an identifier into itself</source>
        <translation>fusión de un identificador consigo mismo</translation>
    </message>
    <message>
        <source>merge of %1 into %2: both have a stay here (beds %3 and %4)</source>
        <translation>fusión de %1 en %2: ambos tienen estancia aquí (camas %3 y %4)</translation>
    </message>
    <message>
        <source>merged identifier %1 has no stay at this station</source>
        <translation>el identificador fusionado %1 no tiene estancia en esta central</translation>
    </message>
</context>
<context>
    <name>vigil::cluster::ClusterLink</name>
    <message>
        <source>connecting</source>
        <translation>conectando</translation>
    </message>
    <message>
        <source>cluster unreachable</source>
        <translation>clúster inaccesible</translation>
    </message>
</context>
<context>
    <name>vigil::ehr::EhrLink</name>
    <message>
        <source>no ACK from the EHR within %1 s</source>
        <translation>sin ACK de la EHR en %1 s</translation>
    </message>
    <message>
        <source>EHR link: %1; retrying in %2 s</source>
        <translation>Conexión EHR: %1; reintento en %2 s</translation>
    </message>
    <message>
        <source>EHR link: %1</source>
        <translation>Conexión EHR: %1</translation>
    </message>
    <message>
        <source>EHR queue: cannot store %1: %2</source>
        <translation>Cola EHR: no se puede guardar %1: %2</translation>
    </message>
    <message>
        <source>EHR queue: %1</source>
        <translation>Cola EHR: %1</translation>
    </message>
    <message>
        <source>the EHR closed the connection</source>
        <translation>la EHR cerró la conexión</translation>
    </message>
    <message>
        <source>EHR link: connected to %1</source>
        <translation>Conexión EHR: conectada a %1</translation>
    </message>
    <message>
        <source>EHR link: %1; reconnecting in %2 s</source>
        <translation>Conexión EHR: %1; reconexión en %2 s</translation>
    </message>
    <message>
        <source>EHR rejected %1 (%2): not sent again</source>
        <translation>La EHR rechazó %1 (%2): no se reenvía</translation>
    </message>
    <message>
        <source>EHR answered %1 to %2: sent again in %3 s</source>
        <translation>La EHR respondió %1 a %2: reenvío en %3 s</translation>
    </message>
</context>
<context>
    <name>vigil::scores::News2Board</name>
    <message>
        <source>No bed</source>
        <translation>Sin cama</translation>
    </message>
    <message>
        <source>%1: %2 is not plausible</source>
        <translation>%1: %2 no es plausible</translation>
    </message>
    <message>
        <source>Unknown parameter %1</source>
        <translation>Parámetro desconocido %1</translation>
    </message>
    <message>
        <source>ACVPU is one of A C V P U</source>
        <translation>ACVPU es uno de A C V P U</translation>
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
        <translation>Aire/O2</translation>
    </message>
    <message>
        <source>Sys BP</source>
        <extracomment>NEWS2 parameter: systolic blood pressure. Short: a narrow column.</extracomment>
        <translation>PA sist</translation>
    </message>
    <message>
        <source>Pulse</source>
        <extracomment>NEWS2 parameter: pulse (heart rate)</extracomment>
        <translation>Pulso</translation>
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
        <translation>rutina</translation>
    </message>
    <message>
        <source>low</source>
        <extracomment>NEWS2 clinical response &quot;low&quot; (total 1-4): ward-based response</extracomment>
        <translation>bajo</translation>
    </message>
    <message>
        <source>low-medium</source>
        <extracomment>NEWS2 clinical response &quot;low-medium&quot; (a 3 in one parameter): urgent ward-based response</extracomment>
        <translation>bajo-medio</translation>
    </message>
    <message>
        <source>medium</source>
        <extracomment>NEWS2 clinical response &quot;medium&quot; (total 5-6): urgent response</extracomment>
        <translation>medio</translation>
    </message>
    <message>
        <source>high</source>
        <extracomment>NEWS2 clinical response &quot;high&quot; (total 7 or more): emergency response</extracomment>
        <translation>alto</translation>
    </message>
    <message>
        <source>monitor</source>
        <extracomment>Where a NEWS2 value came from: the bedside monitor (not entered by hand)</extracomment>
        <translation>monitor</translation>
    </message>
    <message>
        <source>nurse %1</source>
        <extracomment>Where a NEWS2 value came from: entered by the nurse %1 (a user name)</extracomment>
        <translation>enfermera %1</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <extracomment>NEWS2: this parameter (%1) has no value, so the score is incomplete</extracomment>
        <translation>falta %1</translation>
    </message>
    <message>
        <source>%1 stale</source>
        <extracomment>NEWS2: this parameter&apos;s (%1) value is too old to count</extracomment>
        <translation>%1 obsoleto</translation>
    </message>
    <message>
        <source>O2</source>
        <extracomment>NEWS2: the patient is given supplemental oxygen (O2) / breathes room air</extracomment>
        <translation>O2</translation>
    </message>
    <message>
        <source>Air</source>
        <translation>Aire</translation>
    </message>
</context>
<context>
    <name>vigil::security</name>
    <message>
        <source>Viewer</source>
        <extracomment>Role: nobody signed in, the ward display</extracomment>
        <translation>Observador</translation>
    </message>
    <message>
        <source>Nurse</source>
        <extracomment>Role: a ward nurse</extracomment>
        <translation>Enfermero/a</translation>
    </message>
    <message>
        <source>Charge nurse</source>
        <extracomment>Role: the nurse in charge of the shift</extracomment>
        <translation>Jefe/a de turno</translation>
    </message>
    <message>
        <source>Biomed</source>
        <extracomment>Role: biomedical / clinical engineering staff</extracomment>
        <translation>Electromedicina</translation>
    </message>
    <message>
        <source>Administrator</source>
        <extracomment>Role: the station&apos;s IT administrator</extracomment>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>acknowledge alarms</source>
        <extracomment>Permission: acknowledge an alarm condition</extracomment>
        <translation>reconocer alarmas</translation>
    </message>
    <message>
        <source>pause alarm audio</source>
        <extracomment>Permission: pause the alarm sound or a bed&apos;s alarms</extracomment>
        <translation>pausar el audio de alarmas</translation>
    </message>
    <message>
        <source>reset alarms</source>
        <extracomment>Permission: reset a latched alarm</extracomment>
        <translation>restablecer alarmas</translation>
    </message>
    <message>
        <source>change alarm limits</source>
        <extracomment>Permission: change a patient&apos;s alarm limits</extracomment>
        <translation>cambiar límites de alarma</translation>
    </message>
    <message>
        <source>chart and hand over</source>
        <extracomment>Permission: write handover notes and validate charted values</extracomment>
        <translation>registrar y hacer el relevo</translation>
    </message>
    <message>
        <source>admit, transfer or discharge</source>
        <extracomment>Permission: admit, transfer or discharge a patient</extracomment>
        <translation>ingresar, trasladar o dar de alta</translation>
    </message>
    <message>
        <source>print and export</source>
        <translation>imprimir y exportar</translation>
    </message>
    <message>
        <source>choose the NEWS2 scale</source>
        <extracomment>Permission: choose the NEWS2 SpO2 scale of a patient</extracomment>
        <translation>elegir la escala NEWS2</translation>
    </message>
    <message>
        <source>configure the station</source>
        <translation>configurar la central</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>gestionar usuarios</translation>
    </message>
    <message>
        <source>use the archive tools</source>
        <translation>usar las herramientas de archivo</translation>
    </message>
</context>
<context>
    <name>vigil::security::Access</name>
    <message>
        <source>The controls are locked: sign in to %1.</source>
        <translation>Los controles están bloqueados: inicie sesión para %1.</translation>
    </message>
    <message>
        <source>Sign in to %1.</source>
        <translation>Inicie sesión para %1.</translation>
    </message>
    <message>
        <source>A %1 may not %2.</source>
        <translation>Rol «%1»: no autorizado para %2.</translation>
    </message>
    <message>
        <source>Sign-in is not available on this station.</source>
        <translation>El inicio de sesión no está disponible en esta central.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator.</source>
        <translation>Introduzca el código de 6 dígitos de su autenticador.</translation>
    </message>
    <message>
        <source>Your role needs a second factor: scan the code with an authenticator app, then enter the 6-digit code it shows.</source>
        <translation>Su rol requiere un segundo factor: escanee el código con una app de autenticación y luego introduzca el código de 6 dígitos que muestra.</translation>
    </message>
    <message>
        <source>Sign-in failed.</source>
        <translation>Error al iniciar sesión.</translation>
    </message>
    <message>
        <source>Authenticator enrolled: sign in with your password and a code.</source>
        <translation>Autenticador registrado: inicie sesión con su contraseña y un código.</translation>
    </message>
    <message>
        <source>That code does not match: try the next one.</source>
        <translation>El código no coincide: pruebe con el siguiente.</translation>
    </message>
    <message>
        <source>Administrator %1 created: sign in.</source>
        <translation>Administrador %1 creado: inicie sesión.</translation>
    </message>
</context>
<context>
    <name>vigil::security::UserAdmin</name>
    <message>
        <source>User management needs the station&apos;s user database ([security] enabled).</source>
        <translation>La gestión de usuarios necesita la base de datos de usuarios de la central ([security] activado).</translation>
    </message>
    <message>
        <source>Still working on the last change.</source>
        <translation>Aún se está procesando el último cambio.</translation>
    </message>
    <message>
        <source>A user name is 1 to 64 characters.</source>
        <translation>Un nombre de usuario tiene de 1 a 64 caracteres.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Elija un rol.</translation>
    </message>
    <message>
        <source>The initial password needs at least 8 characters.</source>
        <translation>La contraseña inicial debe tener al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>A badge needs a PIN of at least 4 digits.</source>
        <translation>Una tarjeta necesita un PIN de al menos 4 dígitos.</translation>
    </message>
    <message>
        <source>User %1 exists already.</source>
        <translation>El usuario %1 ya existe.</translation>
    </message>
    <message>
        <source>User %1 added as %2.</source>
        <translation>Usuario %1 añadido como %2.</translation>
    </message>
    <message>
        <source>No user %1.</source>
        <translation>No existe el usuario %1.</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>No puede desactivar su propia cuenta.</translation>
    </message>
    <message>
        <source>%1 is the last active administrator.</source>
        <translation>%1 es el último administrador activo.</translation>
    </message>
    <message>
        <source>User %1 disabled: they cannot sign in.</source>
        <translation>Usuario %1 desactivado: no puede iniciar sesión.</translation>
    </message>
    <message>
        <source>User %1 enabled.</source>
        <translation>Usuario %1 activado.</translation>
    </message>
    <message>
        <source>The new password needs at least 8 characters.</source>
        <translation>La nueva contraseña debe tener al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>Password of %1 reset.</source>
        <translation>Contraseña de %1 restablecida.</translation>
    </message>
    <message>
        <source>%1 scans the code with an authenticator app, then enters the 6-digit code it shows.</source>
        <translation>%1 escanea el código con una app de autenticación y luego introduce el código de 6 dígitos que muestra.</translation>
    </message>
    <message>
        <source>Authenticator enrolled for %1.</source>
        <translation>Autenticador registrado para %1.</translation>
    </message>
    <message>
        <source>That code does not match: try the next one.</source>
        <translation>El código no coincide: pruebe con el siguiente.</translation>
    </message>
    <message>
        <source>Authenticator of %1 removed: a new one is enrolled at the next sign-in if the role needs it.</source>
        <translation>Autenticador de %1 eliminado: se registrará uno nuevo en el próximo inicio de sesión si el rol lo requiere.</translation>
    </message>
    <message>
        <source>%1 is already %2.</source>
        <translation>%1 ya es %2.</translation>
    </message>
    <message>
        <source>You cannot change your own role: another administrator does it.</source>
        <translation>No puede cambiar su propio rol: lo hace otro administrador.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 ahora es %2.</translation>
    </message>
    <message>
        <source>A display name is at most 64 characters.</source>
        <translation>Un nombre mostrado tiene como máximo 64 caracteres.</translation>
    </message>
    <message>
        <source>The display name of %1 is unchanged.</source>
        <translation>El nombre mostrado de %1 no cambia.</translation>
    </message>
    <message>
        <source>%1 is shown by the user name now.</source>
        <translation>%1 se muestra ahora por su nombre de usuario.</translation>
    </message>
    <message>
        <source>%1 is shown as %2.</source>
        <translation>%1 se muestra como %2.</translation>
    </message>
    <message>
        <source>You cannot delete your own account.</source>
        <translation>No puede eliminar su propia cuenta.</translation>
    </message>
    <message>
        <source>User %1 deleted; their audit records stay.</source>
        <translation>Usuario %1 eliminado; sus registros de auditoría se conservan.</translation>
    </message>
</context>
</TS>
