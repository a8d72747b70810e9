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
        <translation>Acq. [A]</translation>
    </message>
    <message>
        <source>Audio pause [P]</source>
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
        <translation>Acq.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>No alarms</source>
        <translation>Aucune alarme</translation>
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
        <translation>Reprendre les alarmes (pause %1)</translation>
    </message>
    <message>
        <source>Pause bed alarms</source>
        <translation>Suspendre les alarmes du lit</translation>
    </message>
    <message>
        <source>Reset latched</source>
        <translation>Réinitialiser les alarmes mémorisées</translation>
    </message>
    <message>
        <source>Alarm limits…</source>
        <translation>Limites d&apos;alarme…</translation>
    </message>
    <message>
        <source>  (custom)</source>
        <translation>  (personnalisées)</translation>
    </message>
    <message>
        <source>Handover…</source>
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
        <translation>Tracé d&apos;alarme (20 dernières s)</translation>
    </message>
    <message>
        <source>Event list</source>
        <translation>Liste des événements</translation>
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
        <translation>Revue  ·  %1</translation>
    </message>
    <message>
        <source>Trends</source>
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
</context>
<context>
    <name>HandoverPanel</name>
    <message>
        <source>Handover (I-PASS)</source>
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
    <name>WardOverview</name>
    <message>
        <source>Waiting for data from the ward&apos;s gateways…</source>
        <translation>En attente des données des passerelles du service…</translation>
    </message>
</context>
<context>
    <name>vigil::EcgWiring</name>
    <message>
        <source>ECG noisy: central analysis suspended</source>
        <translation>ECG bruité : analyse centrale suspendue</translation>
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
        <source>NEWS2 %1: emergency response</source>
        <translation>NEWS2 %1 : réponse d&apos;urgence</translation>
    </message>
    <message>
        <source>NEWS2 %1: urgent response</source>
        <translation>NEWS2 %1 : réponse urgente</translation>
    </message>
    <message>
        <source>NEWS2: a 3 in one parameter, urgent ward review</source>
        <translation>NEWS2 : un 3 sur un paramètre, évaluation urgente dans le service</translation>
    </message>
    <message>
        <source>Deteriorating: %1</source>
        <translation>Dégradation : %1</translation>
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
</context>
</TS>
