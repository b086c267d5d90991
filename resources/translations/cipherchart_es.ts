<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Create account</source>
        <translation>Crear cuenta</translation>
    </message>
    <message>
        <source>The user must replace the temporary password at the first login.</source>
        <translation>El usuario debe cambiar la contraseña temporal en el primer inicio de sesión.</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>&amp;Nombre de la cuenta:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>&amp;Temporary password:</source>
        <translation>Contraseña &amp;temporal:</translation>
    </message>
    <message>
        <source>R&amp;epeat:</source>
        <translation>R&amp;epetir:</translation>
    </message>
    <message>
        <source>Sponsoring doctor</source>
        <translation>Médico avalista</translation>
    </message>
    <message>
        <source>A doctor account opens clinical keys that administrators do not hold. A doctor vouches for it by typing their own account name and password here.</source>
        <translation>Una cuenta de médico abre claves clínicas que los administradores no tienen. Un médico la avala escribiendo aquí su propio nombre de cuenta y su contraseña.</translation>
    </message>
    <message>
        <source>Doctor&apos;s &amp;account:</source>
        <translation>&amp;Cuenta del médico:</translation>
    </message>
    <message>
        <source>Doctor&apos;s pass&amp;word:</source>
        <translation>Contrase&amp;ña del médico:</translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation>color: #b00020;</translation>
    </message>
</context>
<context>
    <name>AccountsView</name>
    <message>
        <source>&lt;b&gt;Accounts&lt;/b&gt;</source>
        <translation>&lt;b&gt;Cuentas&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Create…</source>
        <translation>&amp;Crear…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>&amp;Enable…</source>
        <translation>&amp;Activar…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>&amp;Restablecer contraseña…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Des&amp;bloquear</translation>
    </message>
    <message>
        <source>Set r&amp;ole…</source>
        <translation>Cambiar r&amp;ol…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Act&amp;ualizar</translation>
    </message>
    <message>
        <source>Care teams</source>
        <translation>Equipos asistenciales</translation>
    </message>
    <message>
        <source>color: #555555;</source>
        <translation>color: #555555;</translation>
    </message>
    <message>
        <source>D&amp;octor:</source>
        <translation>Mé&amp;dico:</translation>
    </message>
    <message>
        <source>doctor&apos;s account name</source>
        <translation>nombre de cuenta del médico</translation>
    </message>
    <message>
        <source>&amp;Show team</source>
        <translation>&amp;Mostrar equipo</translation>
    </message>
    <message>
        <source>&amp;Add doctor</source>
        <translation>&amp;Añadir médico</translation>
    </message>
    <message>
        <source>Re&amp;move doctor</source>
        <translation>&amp;Quitar médico</translation>
    </message>
    <message>
        <source>Find the patient by name or medical record number, choose them in the list, then show, add or remove a doctor of their care team.</source>
        <translation>Busque al paciente por nombre o número de historia clínica, elíjalo en la lista y después muestre, añada o quite un médico de su equipo asistencial.</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Paciente:</translation>
    </message>
    <message>
        <source>name or MRN</source>
        <translation>nombre o NHC</translation>
    </message>
    <message>
        <source>F&amp;ind</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>Patients found</source>
        <translation>Pacientes encontrados</translation>
    </message>
</context>
<context>
    <name>AdminHomeView</name>
    <message>
        <source>&lt;span style=&quot;font-size:16pt; font-weight:600;&quot;&gt;The clinic at a glance&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;font-size:16pt; font-weight:600;&quot;&gt;La clínica de un vistazo&lt;/span&gt;</translation>
    </message>
    <message>
        <source>QFrame#reminderFrame { background: #fff4e5; border: 1px solid #e65100; border-radius: 4px; }</source>
        <translation>QFrame#reminderFrame { background: #fff4e5; border: 1px solid #e65100; border-radius: 4px; }</translation>
    </message>
    <message>
        <source>color: #8a3b00;</source>
        <translation>color: #8a3b00;</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Hacer copia ahora…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Hacer copia ahora</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>Última copia:</translation>
    </message>
    <message>
        <source>&amp;Remind after:</source>
        <translation>&amp;Recordar tras:</translation>
    </message>
    <message>
        <source> days without a backup</source>
        <translation> días sin copia de seguridad</translation>
    </message>
    <message>
        <source>Backup reminder in days</source>
        <translation>Recordatorio de copia en días</translation>
    </message>
    <message>
        <source>Waiting for review:</source>
        <translation>Pendiente de revisión:</translation>
    </message>
    <message>
        <source>Re&amp;view…</source>
        <translation>Re&amp;visar…</translation>
    </message>
    <message>
        <source>Review flagged events</source>
        <translation>Revisar los eventos marcados</translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <source>CipherChart — Administration</source>
        <translation>CipherChart — Administración</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administración</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sesión</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Cuentas</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>C&amp;laves</translation>
    </message>
    <message>
        <source>A&amp;udit</source>
        <translation>A&amp;uditoría</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>&amp;Copias de seguridad</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Informes</translation>
    </message>
</context>
<context>
    <name>AllergyDialog</name>
    <message>
        <source>Allergy</source>
        <translation>Alergia</translation>
    </message>
    <message>
        <source>Code s&amp;ystem</source>
        <translation>Sis&amp;tema de códigos</translation>
    </message>
    <message>
        <source>SNOMED CT</source>
        <translation>SNOMED CT</translation>
    </message>
    <message>
        <source>RxNorm</source>
        <translation>RxNorm</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Código</translation>
    </message>
    <message>
        <source>e.g. 91936005</source>
        <translation>p. ej. 91936005</translation>
    </message>
    <message>
        <source>&amp;Substance</source>
        <translation>&amp;Sustancia</translation>
    </message>
    <message>
        <source>e.g. Allergy to penicillin</source>
        <translation>p. ej. Alergia a la penicilina</translation>
    </message>
    <message>
        <source>&amp;Since</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>C&amp;riticality</source>
        <translation>C&amp;riticidad</translation>
    </message>
    <message>
        <source>low</source>
        <translation>low</translation>
    </message>
    <message>
        <source>high</source>
        <translation>high</translation>
    </message>
    <message>
        <source>unable-to-assess</source>
        <translation>unable-to-assess</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>&amp;Estado</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resolved</translation>
    </message>
    <message>
        <source>Reaction c&amp;ode</source>
        <translation>Có&amp;digo de la reacción</translation>
    </message>
    <message>
        <source>SNOMED CT, e.g. 271807003 (optional)</source>
        <translation>SNOMED CT, p. ej. 271807003 (opcional)</translation>
    </message>
    <message>
        <source>Reactio&amp;n</source>
        <translation>Reacció&amp;n</translation>
    </message>
    <message>
        <source>e.g. Skin rash</source>
        <translation>p. ej. Erupción cutánea</translation>
    </message>
    <message>
        <source>Se&amp;verity</source>
        <translation>Gra&amp;vedad</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>mild</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderate</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>severe</translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation>color: #b00020;</translation>
    </message>
</context>
<context>
    <name>AttachmentsPage</name>
    <message>
        <source>A&amp;dd…</source>
        <translation>A&amp;ñadir…</translation>
    </message>
    <message>
        <source>Attach a PNG, JPEG or PDF file (at most 1 GiB); it is encrypted before it is stored.</source>
        <translation>Adjunte un archivo PNG, JPEG o PDF (1 GiB como máximo); se cifra antes de guardarse.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Guardar como…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation>color: #b00020;</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>&lt;b&gt;Audit trail&lt;/b&gt;</source>
        <translation>&lt;b&gt;Registro de auditoría&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>account name contains</source>
        <translation>el nombre de cuenta contiene</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Acción:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>U&amp;ntil:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>Flagged for &amp;review only</source>
        <translation>Solo los marcados para &amp;revisión</translation>
    </message>
    <message>
        <source>&amp;Show events</source>
        <translation>&amp;Mostrar eventos</translation>
    </message>
    <message>
        <source>&amp;Verify trail</source>
        <translation>&amp;Verificar registro</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <source>Export s&amp;yslog…</source>
        <translation>Exportar s&amp;yslog…</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Evento:</translation>
    </message>
    <message>
        <source>Event type filter</source>
        <translation>Filtro por tipo de evento</translation>
    </message>
    <message>
        <source>Re&amp;view flagged…</source>
        <translation>Re&amp;visar los marcados…</translation>
    </message>
    <message>
        <source>Review flagged events</source>
        <translation>Revisar los eventos marcados</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Paciente:</translation>
    </message>
    <message>
        <source>name, MRN or 32-digit id</source>
        <translation>nombre, NHC o id de 32 dígitos</translation>
    </message>
</context>
<context>
    <name>BackupView</name>
    <message>
        <source>A backup holds the whole clinic in one file: the database exported under a fresh key and sealed, the key slots, the audit anchor and the clinic&apos;s description, with a manifest signed by the clinic signing key. Restoring checks everything first and only then replaces the clinic; your session then ends.</source>
        <translation>Una copia de seguridad guarda toda la clínica en un archivo: la base de datos exportada con una clave nueva y sellada, las ranuras de claves, el ancla de auditoría y la descripción de la clínica, con un manifiesto firmado con la clave de firma de la clínica. La restauración lo comprueba todo primero y solo después sustituye la clínica; a continuación su sesión termina.</translation>
    </message>
    <message>
        <source>&amp;Create backup…</source>
        <translation>&amp;Crear copia…</translation>
    </message>
    <message>
        <source>Create backup</source>
        <translation>Crear copia de seguridad</translation>
    </message>
    <message>
        <source>&amp;Inspect…</source>
        <translation>&amp;Inspeccionar…</translation>
    </message>
    <message>
        <source>Inspect a backup</source>
        <translation>Inspeccionar una copia</translation>
    </message>
    <message>
        <source>&amp;Verify…</source>
        <translation>&amp;Verificar…</translation>
    </message>
    <message>
        <source>Verify a backup</source>
        <translation>Verificar una copia</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurar…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurar una copia</translation>
    </message>
    <message>
        <source>Only for a backup this clinic&apos;s keys cannot open</source>
        <translation>Solo para una copia que las claves de esta clínica no pueden abrir</translation>
    </message>
    <message>
        <source>Accept a backup signed by &amp;another clinic (I know the file is genuine)</source>
        <translation>Aceptar una copia firmada por &amp;otra clínica (sé que el archivo es auténtico)</translation>
    </message>
    <message>
        <source>Account in the &amp;backup:</source>
        <translation>Cuenta en la &amp;copia:</translation>
    </message>
    <message>
        <source>when the database key was rotated since the backup</source>
        <translation>si la clave de la base de datos se ha rotado desde la copia</translation>
    </message>
    <message>
        <source>Its &amp;password then:</source>
        <translation>Su &amp;contraseña entonces:</translation>
    </message>
    <message>
        <source>Create, inspect or verify a backup to see its signed manifest here.</source>
        <translation>Cree, inspeccione o verifique una copia para ver aquí su manifiesto firmado.</translation>
    </message>
    <message>
        <source>Backup manifest</source>
        <translation>Manifiesto de la copia</translation>
    </message>
</context>
<context>
    <name>BreakGlassDialog</name>
    <message>
        <source>Patient MRN:</source>
        <translation>NHC del paciente:</translation>
    </message>
    <message>
        <source>Medical record number, as on the wristband</source>
        <translation>Número de historia clínica, como en la pulsera</translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation>color: #b00020;</translation>
    </message>
    <message>
        <source>Open a patient by MRN</source>
        <translation>Abrir un paciente por NHC</translation>
    </message>
    <message>
        <source>Type the patient&apos;s medical record number (from the wristband) and press Check. A patient on your care team opens normally; emergency access is asked for only when it is needed.</source>
        <translation>Escriba el número de historia clínica del paciente (de la pulsera) y pulse Comprobar. Un paciente de su equipo asistencial se abre con normalidad; el acceso de emergencia solo se pide cuando hace falta.</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Comprobar</translation>
    </message>
    <message>
        <source>Reason for emergency access (at least 15 characters and 3 words):</source>
        <translation>Motivo del acceso de emergencia (al menos 15 caracteres y 3 palabras):</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Choose your password</source>
        <translation>Elija su contraseña</translation>
    </message>
    <message>
        <source>You logged in with a temporary password. Choose your own password before you continue. It needs at least 12 characters; a few unrelated words are easy to remember and hard to guess.</source>
        <translation>Ha iniciado sesión con una contraseña temporal. Elija su propia contraseña antes de continuar. Necesita al menos 12 caracteres; unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nueva contraseña:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Repetir:</translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation>color: #b00020;</translation>
    </message>
</context>
<context>
    <name>ChartEntryBar</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Añadir…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation>color: #b00020;</translation>
    </message>
</context>
<context>
    <name>ChartPrint</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Printed %1 from CipherChart: confidential health information</source>
        <translation>Impreso el %1 desde CipherChart: información de salud confidencial</translation>
    </message>
    <message>
        <source>%1 (%2 y)</source>
        <translation>%1 (%2 años)</translation>
    </message>
    <message>
        <source>%1 · born %2 · %3 · MRN %4</source>
        <translation>%1 · nacido/a el %2 · %3 · N.º de historia %4</translation>
    </message>
    <message>
        <source> · deceased %1</source>
        <translation> · fallecido/a el %1</translation>
    </message>
    <message>
        <source>No known allergies</source>
        <translation>Sin alergias conocidas</translation>
    </message>
    <message>
        <source>Allergies: %1</source>
        <translation>Alergias: %1</translation>
    </message>
    <message>
        <source>Your health problems</source>
        <translation>Sus problemas de salud</translation>
    </message>
    <message>
        <source>Active problems</source>
        <translation>Problemas activos</translation>
    </message>
    <message>
        <source>uncoded</source>
        <translation>sin codificar</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>No active problems recorded.</source>
        <translation>No hay problemas activos registrados.</translation>
    </message>
    <message>
        <source>Your medicines</source>
        <translation>Sus medicamentos</translation>
    </message>
    <message>
        <source>Current medications</source>
        <translation>Medicación actual</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>Dosage</source>
        <translation>Posología</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>No current medications recorded.</source>
        <translation>No hay medicación actual registrada.</translation>
    </message>
    <message>
        <source>Your allergies</source>
        <translation>Sus alergias</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>Sustancia</translation>
    </message>
    <message>
        <source>Criticality</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Reacciones</translation>
    </message>
    <message>
        <source>No known allergies.</source>
        <translation>Sin alergias conocidas.</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Medición</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Usual range</source>
        <translation>Intervalo habitual</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>Intervalo de referencia</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Your latest measurements</source>
        <translation>Sus últimas mediciones</translation>
    </message>
    <message>
        <source>Latest vital signs</source>
        <translation>Últimas constantes vitales</translation>
    </message>
    <message>
        <source>No vital signs recorded.</source>
        <translation>No hay constantes vitales registradas.</translation>
    </message>
    <message>
        <source>Your latest test results</source>
        <translation>Sus últimos resultados de análisis</translation>
    </message>
    <message>
        <source>Latest laboratory results</source>
        <translation>Últimos resultados de laboratorio</translation>
    </message>
    <message>
        <source>No laboratory results recorded.</source>
        <translation>No hay resultados de laboratorio registrados.</translation>
    </message>
    <message>
        <source>A flag compares a result with the usual adult range; ask your doctor what it means for you.</source>
        <translation>Un indicador compara un resultado con el intervalo habitual en adultos; pregunte a su médico qué significa en su caso.</translation>
    </message>
    <message>
        <source>Your recent visits</source>
        <translation>Sus visitas recientes</translation>
    </message>
    <message>
        <source>Last encounters</source>
        <translation>Últimos encuentros</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>No encounters recorded.</source>
        <translation>No hay encuentros registrados.</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print my health summary</source>
        <translation>Imprimir mi resumen de salud</translation>
    </message>
    <message>
        <source>Print chart summary</source>
        <translation>Imprimir el resumen de la historia</translation>
    </message>
    <message>
        <source>My health summary</source>
        <translation>Mi resumen de salud</translation>
    </message>
    <message>
        <source>Chart summary</source>
        <translation>Resumen de la historia clínica</translation>
    </message>
    <message>
        <source>Print trend</source>
        <translation>Imprimir la evolución</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>Emergency access — reviewed by an administrator</source>
        <translation>Acceso de emergencia — lo revisa un administrador</translation>
    </message>
    <message>
        <source>background: #b00020; color: white; font-weight: 600; padding: 6px;</source>
        <translation>background: #b00020; color: white; font-weight: 600; padding: 6px;</translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation>color: #b00020;</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <source>font-weight: 600;</source>
        <translation>font-weight: 600;</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>&amp;Problemas</translation>
    </message>
    <message>
        <source>&amp;Medications</source>
        <translation>&amp;Medicación</translation>
    </message>
    <message>
        <source>&amp;Allergies</source>
        <translation>&amp;Alergias</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>A&amp;ttachments</source>
        <translation>Ad&amp;juntos</translation>
    </message>
    <message>
        <source>Active problems</source>
        <translation>Problemas activos</translation>
    </message>
    <message>
        <source>Current medications</source>
        <translation>Medicación actual</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>Latest vital signs and laboratory results</source>
        <translation>Últimas constantes vitales y resultados de laboratorio</translation>
    </message>
    <message>
        <source>Last encounters</source>
        <translation>Últimos encuentros</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>Solo activos</translation>
    </message>
    <message>
        <source>Current only</source>
        <translation>Solo actuales</translation>
    </message>
    <message>
        <source>&amp;Encounters</source>
        <translation>&amp;Encuentros</translation>
    </message>
    <message>
        <source>Select an encounter to see what was recorded during it.</source>
        <translation>Seleccione un encuentro para ver lo que se registró en él.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Usage: cipherchart-cli [--json] COMMAND [OPTIONS] [ARGS]
       cipherchart-cli COMMAND --help

Commands:
</source>
        <translation>Uso: cipherchart-cli [--json] ORDEN [OPCIONES] [ARGUMENTOS]
     cipherchart-cli ORDEN --help

Órdenes:
</translation>
    </message>
    <message>
        <source>
Global options:
  --json     machine-readable output
  --help     help for a command
  --version  print the version

Exit codes: 0 ok, 1 usage or bad input, 2 authentication or permission denied,
            3 integrity failure, 4 storage error.
</source>
        <translation>
Opciones generales:
  --json     salida legible por máquina
  --help     ayuda de una orden
  --version  muestra la versión

Códigos de salida: 0 correcto, 1 uso o entrada incorrectos, 2 autenticación o permiso denegados,
                   3 fallo de integridad, 4 error de almacenamiento.
</translation>
    </message>
    <message>
        <source>Usage: cipherchart-cli %1</source>
        <translation>Uso: cipherchart-cli %1</translation>
    </message>
    <message>
        <source> [OPTIONS]</source>
        <translation> [OPCIONES]</translation>
    </message>
    <message>
        <source>
Options:
</source>
        <translation>
Opciones:
</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>salida legible por máquina</translation>
    </message>
    <message>
        <source>cipherchart-cli: unknown command &apos;%1&apos;; see &apos;cipherchart-cli --help&apos;</source>
        <translation>cipherchart-cli: orden desconocida «%1»; consulte «cipherchart-cli --help»</translation>
    </message>
    <message>
        <source>cipherchart-cli: unknown option &apos;--%1&apos; for this command; see --help</source>
        <translation>cipherchart-cli: opción «--%1» desconocida para esta orden; consulte --help</translation>
    </message>
    <message>
        <source>cipherchart-cli: option &apos;--%1&apos; given twice</source>
        <translation>cipherchart-cli: la opción «--%1» se ha dado dos veces</translation>
    </message>
    <message>
        <source>cipherchart-cli: option &apos;--%1&apos; takes no value</source>
        <translation>cipherchart-cli: la opción «--%1» no admite valor</translation>
    </message>
    <message>
        <source>cipherchart-cli: option &apos;--%1&apos; needs a value (%2)</source>
        <translation>cipherchart-cli: la opción «--%1» necesita un valor (%2)</translation>
    </message>
    <message>
        <source>cipherchart-cli: wrong number of arguments; usage:</source>
        <translation>cipherchart-cli: número de argumentos incorrecto; uso:</translation>
    </message>
    <message>
        <source>importing FHIR</source>
        <translation>importando FHIR</translation>
    </message>
    <message>
        <source>this account is not linked to a patient record</source>
        <translation>esta cuenta no está vinculada a ninguna historia de paciente</translation>
    </message>
    <message>
        <source>a patient account may export only its own record</source>
        <translation>una cuenta de paciente solo puede exportar su propia historia</translation>
    </message>
    <message>
        <source>--patient MRN is required</source>
        <translation>se requiere --patient NHC</translation>
    </message>
    <message>
        <source>--attachment-limit takes a whole number of MiB from 0 to 1024</source>
        <translation>--attachment-limit admite un número entero de MiB de 0 a 1024</translation>
    </message>
    <message>
        <source>Exported the record as a FHIR R4 Bundle to %1 (%2 bytes)</source>
        <translation>Historia exportada como Bundle FHIR R4 en %1 (%2 bytes)</translation>
    </message>
    <message>
        <source>Attachments up to %1 MiB are inside the Bundle (base64).</source>
        <translation>Los adjuntos de hasta %1 MiB van dentro del Bundle (base64).</translation>
    </message>
    <message>
        <source>%1 attachment(s) over the limit are described but their content is not included; save them with &apos;attachment export&apos; or raise --attachment-limit:</source>
        <translation>%1 adjunto(s) por encima del límite se describen pero sin su contenido; guárdelos con &apos;attachment export&apos; o aumente --attachment-limit:</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>Import FHIR R4 JSON files (Bundles or single resources)</source>
        <translation>Importa archivos JSON FHIR R4 (Bundles o recursos sueltos)</translation>
    </message>
    <message>
        <source>PATH...</source>
        <translation>RUTA...</translation>
    </message>
    <message>
        <source>Each file is imported in its own transaction, in the order given. A malformed file
is rejected with its resource path and field (exit 1) and nothing of it is kept;
the files before it stay imported (the message says how many). Resources that
are well formed but cannot be stored are skipped and listed with their reason.
A reference &quot;Patient/x&quot; outside the file names a patient of the clinic
imported with FHIR id x; you must be on that patient&apos;s care team.
</source>
        <translation>Cada archivo se importa en su propia transacción, en el orden dado. Un archivo mal formado
se rechaza indicando la ruta del recurso y el campo (salida 1) y no se guarda nada de él;
los archivos anteriores quedan importados (el mensaje dice cuántos). Los recursos bien
formados que no pueden guardarse se omiten y se listan con su motivo.
Una referencia &quot;Patient/x&quot; fuera del archivo designa a un paciente de la clínica
importado con el id FHIR x; usted debe estar en el equipo asistencial de ese paciente.
</translation>
    </message>
    <message>
        <source>Export one patient&apos;s record as a FHIR R4 Bundle (doctor, or a patient for their own)</source>
        <translation>Exporta la historia de un paciente como Bundle FHIR R4 (médico, o el paciente la suya)</translation>
    </message>
    <message>
        <source>the patient&apos;s medical record number (a patient account may omit it)</source>
        <translation>el número de historia clínica del paciente (una cuenta de paciente puede omitirlo)</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>where to write the Bundle (replaced atomically, mode 0600)</source>
        <translation>dónde escribir el Bundle (se reemplaza de forma atómica, modo 0600)</translation>
    </message>
    <message>
        <source>largest attachment put inside the Bundle, in MiB (default 10; 0: none)</source>
        <translation>adjunto más grande que se incluye en el Bundle, en MiB (por defecto 10; 0: ninguno)</translation>
    </message>
    <message>
        <source>The Bundle holds the identity, encounters, conditions, observations, medications,
allergies, the notes shared with the patient and the attachments (DocumentReference).
Attachments over the limit are described without their content and listed.
</source>
        <translation>El Bundle contiene la identidad, los encuentros, los problemas, las observaciones, la medicación,
las alergias, las notas compartidas con el paciente y los adjuntos (DocumentReference).
Los adjuntos por encima del límite se describen sin su contenido y se listan.
</translation>
    </message>
    <message>
        <source>Passphrase of custodian key %1</source>
        <translation>Frase de contraseña de la clave de custodio %1</translation>
    </message>
    <message>
        <source>New passphrase for network custodian %1</source>
        <translation>Nueva frase de contraseña para el custodio de red %1</translation>
    </message>
    <message>
        <source>cipherchart-cli: warning: %1 holds the whole network private key; destroy it now that it is dealt to the custodians</source>
        <translation>cipherchart-cli: aviso: %1 contiene la clave privada completa de la red; destrúyalo ahora que se ha repartido entre los custodios</translation>
    </message>
    <message>
        <source>generating the network key (safe primes)</source>
        <translation>generando la clave de la red (primos seguros)</translation>
    </message>
    <message>
        <source>research network &quot;%1&quot;: key %2 (%3 bits), %4-of-%5 custodians, cells of at least %6 patients, merges of at least %7 clinics</source>
        <translation>red de investigación «%1»: clave %2 (%3 bits), %4 de %5 custodios, celdas de al menos %6 pacientes, fusiones de al menos %7 clínicas</translation>
    </message>
    <message>
        <source>fingerprint %1: give it to every member clinic with %2 (they check it on export)</source>
        <translation>huella %1: entréguela a cada clínica miembro junto con %2 (la comprueban al exportar)</translation>
    </message>
    <message>
        <source>custodian key file %1 (protected by its passphrase)</source>
        <translation>archivo de clave de custodio %1 (protegido por su frase de contraseña)</translation>
    </message>
    <message>
        <source>fingerprint %1 (signed record verified)</source>
        <translation>huella %1 (registro firmado verificado)</translation>
    </message>
    <message>
        <source>member %1: signing key fingerprint %2 (confirm it with the clinic before publishing this list)</source>
        <translation>miembro %1: huella de la clave de firma %2 (confírmela con la clínica antes de publicar esta lista)</translation>
    </message>
    <message>
        <source>signed member list of %1 clinics written to %2</source>
        <translation>lista firmada de %1 clínicas miembro escrita en %2</translation>
    </message>
    <message>
        <source>custodian %1: merge of %2 clinics checked and recomputed; stage 1: partial decryptions of the %3 cells&apos; patient tallies written to %4</source>
        <translation>custodio %1: fusión de %2 clínicas comprobada y recalculada; etapa 1: descifrados parciales de los recuentos de pacientes de las %3 celdas escritos en %4</translation>
    </message>
    <message>
        <source>custodian %1: merge of %2 clinics checked and recomputed; stage 2: partial decryptions of %3 released cells written to %4</source>
        <translation>custodio %1: fusión de %2 clínicas comprobada y recalculada; etapa 2: descifrados parciales de %3 celdas publicables escritos en %4</translation>
    </message>
    <message>
        <source>cipherchart-cli: rejected %1</source>
        <translation>cipherchart-cli: rechazado %1</translation>
    </message>
    <message>
        <source>published network report written to %1</source>
        <translation>informe de red publicado escrito en %1</translation>
    </message>
    <message>
        <source>read passphrases one per line from standard input</source>
        <translation>leer las frases de contraseña de la entrada estándar, una por línea</translation>
    </message>
    <message>
        <source>Create a research network&apos;s threshold Paillier key and its custodians&apos; key files</source>
        <translation>Crear la clave Paillier umbral de una red de investigación y los archivos de clave de sus custodios</translation>
    </message>
    <message>
        <source>the network&apos;s name</source>
        <translation>el nombre de la red</translation>
    </message>
    <message>
        <source>a custodian (repeat; one key file each)</source>
        <translation>un custodio (repetible; un archivo de clave por custodio)</translation>
    </message>
    <message>
        <source>custodians needed to decrypt (default: a majority)</source>
        <translation>custodios necesarios para descifrar (por defecto: una mayoría)</translation>
    </message>
    <message>
        <source>key size: 3072 (default), 4096, or 2048 for tests</source>
        <translation>tamaño de clave: 3072 (por defecto), 4096, o 2048 para pruebas</translation>
    </message>
    <message>
        <source>deal this private-key file instead of generating a key (tests)</source>
        <translation>repartir este archivo de clave privada en lugar de generar una clave (pruebas)</translation>
    </message>
    <message>
        <source>distinct patients per published merged cell (default 11, at least 5)</source>
        <translation>pacientes distintos por celda fusionada publicada (por defecto 11, al menos 5)</translation>
    </message>
    <message>
        <source>clinics per merge (default 3, at least 2)</source>
        <translation>clínicas por fusión (por defecto 3, al menos 2)</translation>
    </message>
    <message>
        <source>where to write network-key.json and custodian-NAME.json</source>
        <translation>dónde escribir network-key.json y custodian-NOMBRE.json</translation>
    </message>
    <message>
        <source>Each custodian&apos;s key file holds their share and the network signing key, sealed under
their passphrase (Argon2id, AES-256-GCM). Passphrases are read in --custodian order.</source>
        <translation>El archivo de clave de cada custodio guarda su participación y la clave de firma de la red, selladas con
su frase de contraseña (Argon2id, AES-256-GCM). Las frases se leen en el orden de --custodian.</translation>
    </message>
    <message>
        <source>As a network custodian: sign the list of member clinics whose exports may be merged</source>
        <translation>Como custodio de la red: firmar la lista de clínicas miembro cuyas exportaciones pueden fusionarse</translation>
    </message>
    <message>
        <source>the network&apos;s public key file</source>
        <translation>el archivo de clave pública de la red</translation>
    </message>
    <message>
        <source>this custodian&apos;s key file (signs the list)</source>
        <translation>el archivo de clave de este custodio (firma la lista)</translation>
    </message>
    <message>
        <source>an exported report of a member clinic (repeat)</source>
        <translation>un informe exportado de una clínica miembro (repetible)</translation>
    </message>
    <message>
        <source>the member list to write (never overwritten)</source>
        <translation>la lista de miembros que se escribirá (nunca se sobrescribe)</translation>
    </message>
    <message>
        <source>Custodians decrypt merges of listed members only, so nobody can pose as several
clinics to isolate one. Confirm each printed fingerprint with its clinic.</source>
        <translation>Los custodios solo descifran fusiones de miembros de la lista, así que nadie puede hacerse pasar por varias
clínicas para aislar a una. Confirme cada huella mostrada con su clínica.</translation>
    </message>
    <message>
        <source>Verify a network public key file and print its fingerprint</source>
        <translation>Verificar el archivo de clave pública de una red y mostrar su huella</translation>
    </message>
    <message>
        <source>As a network custodian: recompute a merge, then give partial decryptions of its totals</source>
        <translation>Como custodio de la red: recalcular una fusión y después dar descifrados parciales de sus totales</translation>
    </message>
    <message>
        <source>this custodian&apos;s key file</source>
        <translation>el archivo de clave de este custodio</translation>
    </message>
    <message>
        <source>the network&apos;s signed member list</source>
        <translation>la lista firmada de miembros de la red</translation>
    </message>
    <message>
        <source>stage-1 share files (patient tallies) of t custodians</source>
        <translation>archivos de participación de la etapa 1 (recuentos de pacientes) de t custodios</translation>
    </message>
    <message>
        <source>this custodian&apos;s ledger of decrypted merges (differencing check)</source>
        <translation>el registro de este custodio de las fusiones descifradas (comprobación de diferenciación)</translation>
    </message>
    <message>
        <source>the share file to write (never overwritten)</source>
        <translation>el archivo de participación que se escribirá (nunca se sobrescribe)</translation>
    </message>
    <message>
        <source>Stage 1 (no --tally-shares): the patient tallies of every merged cell. Stage 2: the
custodian combines the tallies itself, applies the network&apos;s suppression and gives
partials of the released cells&apos; figures only.</source>
        <translation>Etapa 1 (sin --tally-shares): los recuentos de pacientes de cada celda fusionada. Etapa 2: el
custodio combina él mismo los recuentos, aplica la supresión de la red y da
descifrados parciales solo de las cifras de las celdas publicables.</translation>
    </message>
    <message>
        <source>Combine the network custodians&apos; shares and write the signed published network report</source>
        <translation>Combinar las participaciones de los custodios de la red y escribir el informe de red publicado y firmado</translation>
    </message>
    <message>
        <source>this custodian&apos;s key file (signs the report)</source>
        <translation>el archivo de clave de este custodio (firma el informe)</translation>
    </message>
    <message>
        <source>stage-1 and stage-2 share files</source>
        <translation>archivos de participación de las etapas 1 y 2</translation>
    </message>
    <message>
        <source>the published report to write (never overwritten)</source>
        <translation>el informe publicado que se escribirá (nunca se sobrescribe)</translation>
    </message>
    <message>
        <source>Verify a published network report against the network key and print it</source>
        <translation>Verificar un informe de red publicado con la clave de la red y mostrarlo</translation>
    </message>
    <message>
        <source>died %1</source>
        <translation>fallecido/a el %1</translation>
    </message>
    <message>
        <source>importing Synthea</source>
        <translation>importando Synthea</translation>
    </message>
    <message>
        <source>importing ACTG 315</source>
        <translation>importando ACTG 315</translation>
    </message>
    <message>
        <source>importing the table</source>
        <translation>importando la tabla</translation>
    </message>
    <message>
        <source>%1 patient</source>
        <translation>%1 paciente</translation>
    </message>
    <message>
        <source>%1 patients</source>
        <translation>%1 pacientes</translation>
    </message>
    <message>
        <source>mrn</source>
        <translation>nhc</translation>
    </message>
    <message>
        <source>born</source>
        <translation>nacimiento</translation>
    </message>
    <message>
        <source>died</source>
        <translation>fallecimiento</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>sexo</translation>
    </message>
    <message>
        <source>maiden name</source>
        <translation>apellido de soltera</translation>
    </message>
    <message>
        <source>address</source>
        <translation>dirección</translation>
    </message>
    <message>
        <source>city</source>
        <translation>ciudad</translation>
    </message>
    <message>
        <source>state</source>
        <translation>provincia</translation>
    </message>
    <message>
        <source>postal code</source>
        <translation>código postal</translation>
    </message>
    <message>
        <source>country</source>
        <translation>país</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <source>email</source>
        <translation>correo</translation>
    </message>
    <message>
        <source>(latest)</source>
        <translation>(última)</translation>
    </message>
    <message>
        <source>%1 observation</source>
        <translation>%1 observación</translation>
    </message>
    <message>
        <source>%1 observations</source>
        <translation>%1 observaciones</translation>
    </message>
    <message>
        <source>Read:</source>
        <translation>Leído:</translation>
    </message>
    <message>
        <source>Stored: %1 new, %2 updated, %3 unchanged</source>
        <translation>Guardado: %1 nuevos, %2 actualizados, %3 sin cambios</translation>
    </message>
    <message>
        <source>stored without catalogue entry: %1 %2 × %3</source>
        <translation>guardado sin entrada en el catálogo: %1 %2 × %3</translation>
    </message>
    <message>
        <source>stored without a Paillier value: %1:%2: %3</source>
        <translation>guardado sin valor Paillier: %1:%2: %3</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Omitidos: %1</translation>
    </message>
    <message>
        <source>The whole input is imported in one transaction: a malformed row rejects it with the file,
line and field (exit 1) and nothing is kept. Rows that are well formed but cannot be
stored are skipped and listed with their reason. The importing doctor joins the care
team of every imported patient. Importing the same input again adds nothing: records
already imported are counted as unchanged, or updated where they changed.
</source>
        <translation>Toda la entrada se importa en una transacción: una fila mal formada la rechaza indicando el archivo,
la línea y el campo (salida 1) y no se guarda nada. Las filas bien formadas que no pueden
guardarse se omiten y se listan con su motivo. El médico que importa se une al equipo
asistencial de cada paciente importado. Importar otra vez la misma entrada no añade nada: los
registros ya importados cuentan como sin cambios, o como actualizados si cambiaron.
</translation>
    </message>
    <message>
        <source>MAP.json names the patient id column, sex (with a map of the table&apos;s values), birth date
or age at a reference date, and for each measured column its LOINC code, UCUM unit and
when it was measured: a date column, or an offset in days or weeks from a baseline date
(a column or a fixed study start). A bad mapping is rejected naming its field; a cell
that cannot be stored is skipped and listed with file, line, column and reason.
Format and examples: docs/CLINICAL_DATA.md, &quot;Mapped tables&quot;.
</source>
        <translation>MAP.json indica la columna del id del paciente, el sexo (con una tabla de los valores de la tabla), la fecha
de nacimiento o la edad en una fecha de referencia y, para cada columna medida, su código LOINC, su unidad
UCUM y cuándo se midió: una columna de fecha, o un desfase en días o semanas desde una fecha basal
(una columna o un inicio de estudio fijo). Una correspondencia errónea se rechaza indicando su campo;
una celda que no puede guardarse se omite y se lista con archivo, línea, columna y motivo.
Formato y ejemplos: docs/CLINICAL_DATA.md, &quot;Mapped tables&quot;.
</translation>
    </message>
    <message>
        <source>Import a Synthea CSV folder (patients, encounters, conditions, observations, ...)</source>
        <translation>Importa una carpeta CSV de Synthea (pacientes, encuentros, problemas, observaciones, ...)</translation>
    </message>
    <message>
        <source>FOLDER</source>
        <translation>CARPETA</translation>
    </message>
    <message>
        <source>Import the ACTG 315 HIV trial file (RNA and CD4 counts)</source>
        <translation>Importa el archivo del ensayo de VIH ACTG 315 (ARN y recuentos de CD4)</translation>
    </message>
    <message>
        <source>Import a CSV table of your own (trial or lab export) through a mapping file</source>
        <translation>Importa una tabla CSV propia (ensayo o exportación de laboratorio) mediante un archivo de correspondencia</translation>
    </message>
    <message>
        <source>the mapping of the table&apos;s columns (docs/CLINICAL_DATA.md)</source>
        <translation>la correspondencia de las columnas de la tabla (docs/CLINICAL_DATA.md)</translation>
    </message>
    <message>
        <source>List the patients you may see (a doctor: the care team), identity only</source>
        <translation>Lista los pacientes que puede ver (un médico: su equipo asistencial), solo la identidad</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXTO</translation>
    </message>
    <message>
        <source>only names or MRNs containing TEXT (case-insensitive)</source>
        <translation>solo nombres o NHC que contengan TEXTO (sin distinguir mayúsculas)</translation>
    </message>
    <message>
        <source>Show one patient&apos;s identity by MRN</source>
        <translation>Muestra la identidad de un paciente por su NHC</translation>
    </message>
    <message>
        <source>List a patient&apos;s observations (doctor on the care team)</source>
        <translation>Lista las observaciones de un paciente (médico del equipo asistencial)</translation>
    </message>
    <message>
        <source>the patient&apos;s medical record number</source>
        <translation>el número de historia clínica del paciente</translation>
    </message>
    <message>
        <source>only this code</source>
        <translation>solo este código</translation>
    </message>
    <message>
        <source>QUALITY REPORT: every patient is included, research opt-outs too; not for research use.</source>
        <translation>INFORME DE CALIDAD: incluye a todos los pacientes, también a quienes rechazaron la investigación; no apto para investigación.</translation>
    </message>
    <message>
        <source>published %1</source>
        <translation>publicado %1</translation>
    </message>
    <message>
        <source>exported to a research network %1</source>
        <translation>exportado a una red de investigación %1</translation>
    </message>
    <message>
        <source>encrypted (not yet decrypted) %1</source>
        <translation>cifrado (aún sin descifrar) %1</translation>
    </message>
    <message>
        <source>sites merged: %1</source>
        <translation>centros fusionados: %1</translation>
    </message>
    <message>
        <source>%1 cells, each one Paillier ciphertext; counts and values are inside them.</source>
        <translation>%1 celdas, cada una un texto cifrado Paillier; los recuentos y los valores están dentro.</translation>
    </message>
    <message>
        <source>cell %1</source>
        <translation>celda %1</translation>
    </message>
    <message>
        <source>minimum cell size %1 distinct patients; medians and quartiles are estimates interpolated from the histogram</source>
        <translation>tamaño mínimo de celda %1 pacientes distintos; las medianas y los cuartiles son estimaciones interpoladas a partir del histograma</translation>
    </message>
    <message>
        <source>SUPPRESSED (%1)</source>
        <translation>SUPRIMIDA (%1)</translation>
    </message>
    <message>
        <source>report %1, key %2, signature %3</source>
        <translation>informe %1, clave %2, firma %3</translation>
    </message>
    <message>
        <source>next: each custodian runs `report decrypt-share %1`, then `report publish`</source>
        <translation>siguiente paso: cada custodio ejecuta `report decrypt-share %1` y después `report publish`</translation>
    </message>
    <message>
        <source>report file verified: published report %1, %2 cells, signed by this clinic&apos;s key (%3), report key %4</source>
        <translation>archivo de informe verificado: informe publicado %1, %2 celdas, firmado con la clave de esta clínica (%3), clave de informes %4</translation>
    </message>
    <message>
        <source>report file verified: encrypted report %1, %2 cells, signed by this clinic&apos;s key (%3), report key %4</source>
        <translation>archivo de informe verificado: informe cifrado %1, %2 celdas, firmado con la clave de esta clínica (%3), clave de informes %4</translation>
    </message>
    <message>
        <source>custodian %1: checked every cell against the clinic&apos;s rows; %2 cells decrypted partially, %3 withheld (suppressed); share stored in the clinic</source>
        <translation>custodio %1: cada celda comprobada con las filas de la clínica; %2 celdas descifradas parcialmente, %3 retenidas (suprimidas); participación guardada en la clínica</translation>
    </message>
    <message>
        <source>%1 and written to %2</source>
        <translation>%1 y escrita en %2</translation>
    </message>
    <message>
        <source>published report written to %1</source>
        <translation>informe publicado escrito en %1</translation>
    </message>
    <message>
        <source>published report cells now need at least %1 distinct patients</source>
        <translation>las celdas de los informes publicados necesitan ahora al menos %1 pacientes distintos</translation>
    </message>
    <message>
        <source>exported report %1 for research network &quot;%2&quot; (key %3) written to %4: %5 cells re-encrypted under the network key, %6 withheld (suppressed here)</source>
        <translation>informe exportado %1 para la red de investigación «%2» (clave %3) escrito en %4: %5 celdas recifradas con la clave de la red, %6 retenidas (suprimidas aquí)</translation>
    </message>
    <message>
        <source>merged %1 clinics&apos; exports of spec %2 into %3 (merge %4): %5</source>
        <translation>exportaciones de %1 clínicas de la especificación %2 fusionadas en %3 (fusión %4): %5</translation>
    </message>
    <message>
        <source>next: each network custodian runs `network decrypt-share` twice (patient tallies, then figures), then one runs `network publish`</source>
        <translation>siguiente paso: cada custodio de la red ejecuta `network decrypt-share` dos veces (recuentos de pacientes y después cifras) y uno ejecuta `network publish`</translation>
    </message>
    <message>
        <source>Run a report spec into a signed file of encrypted cells (no plaintext about patients)</source>
        <translation>Ejecutar una especificación de informe en un archivo firmado de celdas cifradas (sin texto claro sobre pacientes)</translation>
    </message>
    <message>
        <source>the report spec (JSON, docs/REPORTS.md)</source>
        <translation>la especificación del informe (JSON, docs/REPORTS.md)</translation>
    </message>
    <message>
        <source>the encrypted report file to write (.ccrep, never overwritten)</source>
        <translation>el archivo de informe cifrado que se escribirá (.ccrep, nunca se sobrescribe)</translation>
    </message>
    <message>
        <source>Check a report file: format, this clinic&apos;s signature, report key id, every ciphertext</source>
        <translation>Comprobar un archivo de informe: formato, firma de esta clínica, id de la clave de informes, cada texto cifrado</translation>
    </message>
    <message>
        <source>Exit code 3 on any failure (tampering, another clinic&apos;s signature or report key).</source>
        <translation>Código de salida 3 ante cualquier fallo (manipulación, firma o clave de informes de otra clínica).</translation>
    </message>
    <message>
        <source>Verify and print a report (published figures, or the cells of an encrypted one)</source>
        <translation>Verificar y mostrar un informe (cifras publicadas, o las celdas de uno cifrado)</translation>
    </message>
    <message>
        <source>Verify a published report and write its figures as CSV</source>
        <translation>Verificar un informe publicado y escribir sus cifras en CSV</translation>
    </message>
    <message>
        <source>the CSV file to write (never overwritten)</source>
        <translation>el archivo CSV que se escribirá (nunca se sobrescribe)</translation>
    </message>
    <message>
        <source>As a report-key custodian: recompute every cell, then give partial decryptions of the released cells</source>
        <translation>Como custodio de la clave de informes: recalcular cada celda y después dar descifrados parciales de las celdas publicables</translation>
    </message>
    <message>
        <source>also write the share to this file (for a custodian at another workstation)</source>
        <translation>escribir también la participación en este archivo (para un custodio en otro puesto)</translation>
    </message>
    <message>
        <source>The share is stored in the clinic, so custodians at one workstation log in one after the
other. Refused if a cell is not what the clinic&apos;s rows give, if a cell has more rows than
its layout allows, or if the cohort fails the differencing check.</source>
        <translation>La participación se guarda en la clínica, así que los custodios de un mismo puesto inician sesión uno tras
otro. Se rechaza si una celda no es lo que dan las filas de la clínica, si una celda tiene más filas de las que
permite su formato, o si la cohorte no supera la comprobación de diferenciación.</translation>
    </message>
    <message>
        <source>Combine the custodians&apos; shares, apply disclosure control and write the signed published report</source>
        <translation>Combinar las participaciones de los custodios, aplicar el control de divulgación y escribir el informe publicado y firmado</translation>
    </message>
    <message>
        <source>the published report file to write (never overwritten)</source>
        <translation>el archivo de informe publicado que se escribirá (nunca se sobrescribe)</translation>
    </message>
    <message>
        <source>a share file from another workstation</source>
        <translation>un archivo de participación de otro puesto</translation>
    </message>
    <message>
        <source>Invalid partial decryptions are named and skipped; any t valid ones are combined.</source>
        <translation>Los descifrados parciales no válidos se nombran y se omiten; se combinan t válidos cualesquiera.</translation>
    </message>
    <message>
        <source>Re-encrypt an encrypted report&apos;s released cells under a research network&apos;s key (signed by this clinic)</source>
        <translation>Recifrar las celdas publicables de un informe cifrado con la clave de una red de investigación (firmado por esta clínica)</translation>
    </message>
    <message>
        <source>the network&apos;s public key file (network init)</source>
        <translation>el archivo de clave pública de la red (network init)</translation>
    </message>
    <message>
        <source>the network key&apos;s fingerprint, as given by the network</source>
        <translation>la huella de la clave de la red, tal como la da la red</translation>
    </message>
    <message>
        <source>the exported file to write (never overwritten)</source>
        <translation>el archivo exportado que se escribirá (nunca se sobrescribe)</translation>
    </message>
    <message>
        <source>Takes the clinic&apos;s encrypted report after its custodians&apos; decryption shares, as
`report publish` does. Released cells are decrypted in memory and re-encrypted under
the network key; suppressed cells leave as withheld. Nothing is in the clear.
Administrators; audited.</source>
        <translation>Toma el informe cifrado de la clínica tras las participaciones de descifrado de sus custodios, como
hace `report publish`. Las celdas publicables se descifran en memoria y se recifran con
la clave de la red; las suprimidas salen como retenidas. Nada va en claro.
Administradores; auditado.</translation>
    </message>
    <message>
        <source>Merge clinics&apos; exported reports into one bundle for the network&apos;s custodians</source>
        <translation>Fusionar los informes exportados de las clínicas en un paquete para los custodios de la red</translation>
    </message>
    <message>
        <source>refuse fewer than N distinct clinics (at least 2)</source>
        <translation>rechazar menos de N clínicas distintas (al menos 2)</translation>
    </message>
    <message>
        <source>the network&apos;s signed member list (refuse other clinics)</source>
        <translation>la lista firmada de miembros de la red (rechazar otras clínicas)</translation>
    </message>
    <message>
        <source>the merged bundle to write (never overwritten)</source>
        <translation>el paquete fusionado que se escribirá (nunca se sobrescribe)</translation>
    </message>
    <message>
        <source>Every file is checked: its clinic&apos;s signature, the network key id, one spec, each
ciphertext; clinics and signers must be distinct. Exit 3 on a tampered file.</source>
        <translation>Se comprueba cada archivo: la firma de su clínica, el id de la clave de la red, una sola especificación, cada
texto cifrado; las clínicas y los firmantes deben ser distintos. Salida 3 ante un archivo manipulado.</translation>
    </message>
    <message>
        <source>Set the minimum number of distinct patients per published cell (default 11, at least 5)</source>
        <translation>Fijar el número mínimo de pacientes distintos por celda publicada (por defecto 11, al menos 5)</translation>
    </message>
    <message>
        <source>pinned and verified</source>
        <translation>fijada y verificada</translation>
    </message>
    <message>
        <source>NOT VERIFIED: %1</source>
        <translation>NO VERIFICADA: %1</translation>
    </message>
    <message>
        <source>unavailable: %1</source>
        <translation>no disponible: %1</translation>
    </message>
    <message>
        <source>report key fingerprint %1</source>
        <translation>huella de la clave de informes %1</translation>
    </message>
    <message>
        <source>report key id          %1 (%2 bits, %3 of %4 custodians)</source>
        <translation>id de la clave de informes %1 (%2 bits, %3 de %4 custodios)</translation>
    </message>
    <message>
        <source>this account           %1</source>
        <translation>esta cuenta                %1</translation>
    </message>
    <message>
        <source>Password again, to re-wrap your key slot with the pin</source>
        <translation>Contraseña de nuevo, para volver a envolver su ranura de claves con la fijación</translation>
    </message>
    <message>
        <source>report key pinned in this account&apos;s key ring; it is checked from the next login on</source>
        <translation>clave de informes fijada en el llavero de esta cuenta; se comprueba a partir del próximo inicio de sesión</translation>
    </message>
    <message>
        <source>Show the report key&apos;s fingerprint and whether this account&apos;s pin verifies it</source>
        <translation>Mostrar la huella de la clave de informes y si la fijación de esta cuenta la verifica</translation>
    </message>
    <message>
        <source>Pin the report key in this account&apos;s ring (accounts from before pinning; audited)</source>
        <translation>Fijar la clave de informes en el llavero de esta cuenta (cuentas anteriores a la fijación; auditado)</translation>
    </message>
    <message>
        <source>the fingerprint from the key ceremony&apos;s record (compare with `report-key show`)</source>
        <translation>la huella del acta de la ceremonia de claves (compárela con `report-key show`)</translation>
    </message>
    <message>
        <source>
Order here: the password of --as, then the same password again (the slot is re-wrapped).
An administrator pins first (this also signs the record for clinics from before pinning),
then each doctor. Compare the fingerprint with the one printed by `init` before trusting it.</source>
        <translation>
Orden aquí: la contraseña de --as y después la misma contraseña otra vez (la ranura se vuelve a envolver).
Primero fija un administrador (esto también firma el registro en clínicas anteriores a la fijación),
y después cada médico. Compare la huella con la que mostró `init` antes de confiar en ella.</translation>
    </message>
    <message>
        <source>patients</source>
        <translation>pacientes</translation>
    </message>
    <message>
        <source>encounters</source>
        <translation>encuentros</translation>
    </message>
    <message>
        <source>conditions</source>
        <translation>problemas</translation>
    </message>
    <message>
        <source>observations</source>
        <translation>observaciones</translation>
    </message>
    <message>
        <source>numeric observations</source>
        <translation>observaciones numéricas</translation>
    </message>
    <message>
        <source>medications</source>
        <translation>medicaciones</translation>
    </message>
    <message>
        <source>allergies</source>
        <translation>alergias</translation>
    </message>
    <message>
        <source>files</source>
        <translation>archivos</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>visitas</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>filas</translation>
    </message>
    <message>
        <source>empty cells</source>
        <translation>celdas vacías</translation>
    </message>
    <message>
        <source>--role must be admin, administrator, doctor or patient</source>
        <translation>--role debe ser admin, administrator, doctor o patient</translation>
    </message>
    <message>
        <source>Password of sponsoring doctor %1</source>
        <translation>Contraseña del médico avalista %1</translation>
    </message>
    <message>
        <source>--patient MRN goes with --role patient, and only with it</source>
        <translation>--patient MRN va con --role patient, y solo con él</translation>
    </message>
    <message>
        <source>account &apos;%1&apos; created (%2); the password is temporary and must be changed at first login</source>
        <translation>cuenta «%1» creada (%2); la contraseña es temporal y debe cambiarse en el primer inicio de sesión</translation>
    </message>
    <message>
        <source>doctor &apos;%1&apos; added to the care team</source>
        <translation>médico «%1» añadido al equipo de atención</translation>
    </message>
    <message>
        <source>doctor &apos;%1&apos; removed from the care team</source>
        <translation>médico «%1» retirado del equipo de atención</translation>
    </message>
    <message>
        <source>
Order here: yours, the account&apos;s temporary password, then the sponsoring doctor&apos;s (--sponsor).
A doctor account needs --sponsor DOCTOR: administrators never hold the clinical key,
so an existing doctor vouches by entering their password (two-person rule, audited).</source>
        <translation>
Orden aquí: la suya, la contraseña temporal de la cuenta y luego la del médico avalista
(--sponsor). Una cuenta de médico necesita --sponsor MÉDICO: los administradores nunca tienen
la clave clínica, así que un médico existente la avala introduciendo su contraseña (regla de
dos personas, auditada).</translation>
    </message>
    <message>
        <source>Create an account with a temporary password</source>
        <translation>Crear una cuenta con una contraseña temporal</translation>
    </message>
    <message>
        <source>admin, doctor or patient</source>
        <translation>admin, doctor o patient</translation>
    </message>
    <message>
        <source>a doctor who vouches for a new doctor account</source>
        <translation>un médico que avala una nueva cuenta de médico</translation>
    </message>
    <message>
        <source>the patient record of a patient account</source>
        <translation>el historial del paciente de una cuenta de paciente</translation>
    </message>
    <message>
        <source>List accounts (never keys)</source>
        <translation>Listar las cuentas (nunca claves)</translation>
    </message>
    <message>
        <source>account &apos;%1&apos; disabled</source>
        <translation>cuenta «%1» desactivada</translation>
    </message>
    <message>
        <source>Lift a lock-out or suspension after failed logins</source>
        <translation>Levantar un bloqueo o una suspensión tras inicios de sesión fallidos</translation>
    </message>
    <message>
        <source>account &apos;%1&apos; unlocked</source>
        <translation>cuenta «%1» desbloqueada</translation>
    </message>
    <message>
        <source>Give a disabled account a new key slot with a temporary password</source>
        <translation>Dar a una cuenta desactivada una nueva ranura de clave con una contraseña temporal</translation>
    </message>
    <message>
        <source>a doctor who vouches (doctor accounts)</source>
        <translation>un médico que avala (cuentas de médico)</translation>
    </message>
    <message>
        <source>account &apos;%1&apos; enabled; the password is temporary and must be changed at first login</source>
        <translation>cuenta «%1» activada; la contraseña es temporal y debe cambiarse en el primer inicio de sesión</translation>
    </message>
    <message>
        <source>Replace a forgotten password by a temporary one</source>
        <translation>Sustituir una contraseña olvidada por una temporal</translation>
    </message>
    <message>
        <source>account &apos;%1&apos; reset; the password is temporary and must be changed at first login</source>
        <translation>cuenta «%1» restablecida; la contraseña es temporal y debe cambiarse en el primer inicio de sesión</translation>
    </message>
    <message>
        <source>Change an account&apos;s role (a new key slot with the role&apos;s keys and a temporary password)</source>
        <translation>Cambiar el rol de una cuenta (una nueva ranura de clave con las claves del rol y una contraseña temporal)</translation>
    </message>
    <message>
        <source>admin or doctor</source>
        <translation>admin o doctor</translation>
    </message>
    <message>
        <source>a doctor who vouches (new doctors)</source>
        <translation>un médico que avala (nuevos médicos)</translation>
    </message>
    <message>
        <source>account &apos;%1&apos; given a new role; the password is temporary and must be changed at first login</source>
        <translation>cuenta «%1» con un nuevo rol; la contraseña es temporal y debe cambiarse en el primer inicio de sesión</translation>
    </message>
    <message>
        <source>the patient&apos;s row id (32 hex digits)</source>
        <translation>el id de fila del paciente (32 dígitos hexadecimales)</translation>
    </message>
    <message>
        <source>the doctor&apos;s account</source>
        <translation>la cuenta del médico</translation>
    </message>
    <message>
        <source>Add a doctor to a patient&apos;s care team</source>
        <translation>Añadir un médico al equipo de atención de un paciente</translation>
    </message>
    <message>
        <source>Remove a doctor from a patient&apos;s care team</source>
        <translation>Retirar un médico del equipo de atención de un paciente</translation>
    </message>
    <message>
        <source>List a patient&apos;s care team</source>
        <translation>Listar el equipo de atención de un paciente</translation>
    </message>
    <message>
        <source>events at or after this UTC time (ISO 8601, e.g. 2026-11-21T08:00:00Z)</source>
        <translation>eventos en esta hora UTC o posteriores (ISO 8601, p. ej. 2026-11-21T08:00:00Z)</translation>
    </message>
    <message>
        <source>events before this UTC time</source>
        <translation>eventos anteriores a esta hora UTC</translation>
    </message>
    <message>
        <source>only this user&apos;s row id</source>
        <translation>solo el id de fila de este usuario</translation>
    </message>
    <message>
        <source>only events about this patient row id</source>
        <translation>solo los eventos sobre este id de fila de paciente</translation>
    </message>
    <message>
        <source>only this RFC 3881 action</source>
        <translation>solo esta acción RFC 3881</translation>
    </message>
    <message>
        <source>only events flagged for review (break-glass)</source>
        <translation>solo los eventos marcados para revisión (acceso de emergencia)</translation>
    </message>
    <message>
        <source>witness agrees: %1 witnessed head(s) checked, last witnessed event %2</source>
        <translation>el testigo coincide: %1 cabeza(s) atestiguada(s) comprobada(s), último evento atestiguado %2</translation>
    </message>
    <message>
        <source>WITNESS DISAGREES: %1 witnessed head(s) checked, last witnessed event %2</source>
        <translation>EL TESTIGO NO COINCIDE: %1 cabeza(s) atestiguada(s) comprobada(s), último evento atestiguado %2</translation>
    </message>
    <message>
        <source>audit trail intact: %1</source>
        <translation>traza de auditoría intacta: %1</translation>
    </message>
    <message>
        <source>AUDIT TRAIL BROKEN: %1</source>
        <translation>TRAZA DE AUDITORÍA ROTA: %1</translation>
    </message>
    <message>
        <source>give either --set HOST:PORT or --off</source>
        <translation>indique --set HOST:PUERTO o bien --off</translation>
    </message>
    <message>
        <source>audit witness removed: chain heads are no longer sent anywhere</source>
        <translation>testigo de auditoría quitado: las cabezas de la cadena ya no se envían a ningún sitio</translation>
    </message>
    <message>
        <source>each audit chain head is now sent to %1 (RFC 5424 over TCP); check with: audit verify --witness &lt;collector log&gt;</source>
        <translation>cada cabeza de la cadena de auditoría se envía ahora a %1 (RFC 5424 sobre TCP); compruébelo con: audit verify --witness &lt;registro del colector&gt;</translation>
    </message>
    <message>
        <source>anchor rewritten from the database head; the event records your reason</source>
        <translation>ancla reescrita a partir de la cabeza de la base de datos; el evento registra su motivo</translation>
    </message>
    <message>
        <source>audit trail exported to %1</source>
        <translation>traza de auditoría exportada a %1</translation>
    </message>
    <message>
        <source>%1 rotated to version %2 (id %3); sealed for %4 recipient(s) incl. the recovery ring; each account picks it up at its next login</source>
        <translation>%1 rotada a la versión %2 (id %3); sellada para %4 destinatario(s), incluido el anillo de recuperación; cada cuenta la recoge en su siguiente inicio de sesión</translation>
    </message>
    <message>
        <source>MINUTES must be a whole number from 2 to 30</source>
        <translation>MINUTOS debe ser un número entero de 2 a 30</translation>
    </message>
    <message>
        <source>idle lock after %1 minutes</source>
        <translation>bloqueo por inactividad tras %1 minutos</translation>
    </message>
    <message>
        <source>also compare with this syslog collector&apos;s log (names missing events)</source>
        <translation>comparar también con el registro de este colector syslog (nombra los eventos que faltan)</translation>
    </message>
    <message>
        <source>Verify the audit trail&apos;s hash chain, MACs and anchor; exit 3 names the first problem</source>
        <translation>Verificar la cadena de hashes, los MAC y el ancla de la traza de auditoría; el código de salida 3 nombra el primer problema</translation>
    </message>
    <message>
        <source>send each chain head to this syslog collector (TCP)</source>
        <translation>enviar cada cabeza de la cadena a este colector syslog (TCP)</translation>
    </message>
    <message>
        <source>stop sending chain heads</source>
        <translation>dejar de enviar las cabezas de la cadena</translation>
    </message>
    <message>
        <source>Set or remove the external audit witness (a syslog collector; audited)</source>
        <translation>Establecer o quitar el testigo externo de auditoría (un colector syslog; auditado)</translation>
    </message>
    <message>
        <source>why the anchor is rewritten (required; recorded)</source>
        <translation>por qué se reescribe el ancla (obligatorio; se registra)</translation>
    </message>
    <message>
        <source>After examining a broken trail: accept the database head and rewrite the anchor (audited)</source>
        <translation>Tras examinar una traza rota: aceptar la cabeza de la base de datos y reescribir el ancla (auditado)</translation>
    </message>
    <message>
        <source>List audit events, oldest first</source>
        <translation>Listar los eventos de auditoría, del más antiguo al más reciente</translation>
    </message>
    <message>
        <source>CSV (RFC 4180) or RFC 5424 syslog lines (default csv)</source>
        <translation>CSV (RFC 4180) o líneas syslog RFC 5424 (csv por omisión)</translation>
    </message>
    <message>
        <source>the file to write (must not exist)</source>
        <translation>el archivo que se escribe (no debe existir)</translation>
    </message>
    <message>
        <source>Export audit events as CSV or RFC 5424 syslog lines</source>
        <translation>Exportar los eventos de auditoría como CSV o como líneas syslog RFC 5424</translation>
    </message>
    <message>
        <source>Show every key&apos;s id, version, age and holders (never a key)</source>
        <translation>Mostrar el id, la versión, la antigüedad y los titulares de cada clave (nunca una clave)</translation>
    </message>
    <message>
        <source>which key to rotate</source>
        <translation>qué clave se rota</translation>
    </message>
    <message>
        <source>a doctor who takes part (required for --key clinical)</source>
        <translation>un médico que participa (obligatorio con --key clinical)</translation>
    </message>
    <message>
        <source>Rotate a key without anyone&apos;s password: each account gets it at its next login</source>
        <translation>Rotar una clave sin la contraseña de nadie: cada cuenta la recibe en su siguiente inicio de sesión</translation>
    </message>
    <message>
        <source>
Order here: yours, then the sponsoring doctor&apos;s (--sponsor).
dbk rekeys the database and ends your session (log in again); index, audit root and signing keys are not rotated (see docs/KEYS.md section 8).</source>
        <translation>
Orden aquí: la suya y luego la del médico avalista (--sponsor).
dbk cambia la clave de la base de datos y termina su sesión (vuelva a iniciarla); las claves de índice, de raíz de auditoría y de firma no se rotan (consulte docs/KEYS.md, sección 8).</translation>
    </message>
    <message>
        <source>Set the idle lock timeout (2 to 30 minutes)</source>
        <translation>Establecer el tiempo de bloqueo por inactividad (de 2 a 30 minutos)</translation>
    </message>
    <message>
        <source>backup id</source>
        <translation>id de copia</translation>
    </message>
    <message>
        <source>clinic</source>
        <translation>clínica</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>created</source>
        <translation>creada</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>schema version</source>
        <translation>versión esquema</translation>
    </message>
    <message>
        <source>key slots</source>
        <translation>ranuras de clave</translation>
    </message>
    <message>
        <source>generation %1</source>
        <translation>generación %1</translation>
    </message>
    <message>
        <source>audit head</source>
        <translation>cabeza auditoría</translation>
    </message>
    <message>
        <source>seq %1</source>
        <translation>sec. %1</translation>
    </message>
    <message>
        <source>signer</source>
        <translation>firmante</translation>
    </message>
    <message>
        <source>  member %1%2 bytes, sha256 %3</source>
        <translation>  miembro %1%2 bytes, sha256 %3</translation>
    </message>
    <message>
        <source>backup written to %1</source>
        <translation>copia de seguridad escrita en %1</translation>
    </message>
    <message>
        <source>signature verifies under the key the manifest names (give --clinic to check it is yours)</source>
        <translation>la firma verifica con la clave que nombra el manifiesto (indique --clinic para comprobar que es la suya)</translation>
    </message>
    <message>
        <source>signed by this clinic&apos;s signing key</source>
        <translation>firmada con la clave de firma de esta clínica</translation>
    </message>
    <message>
        <source>NOT signed by this clinic: another clinic&apos;s key signed it</source>
        <translation>NO firmada por esta clínica: la firmó la clave de otra clínica</translation>
    </message>
    <message>
        <source>Password for %1 in the backup</source>
        <translation>Contraseña de %1 en la copia de seguridad</translation>
    </message>
    <message>
        <source>restored; log in again (the restored key slots hold the backup&apos;s passwords)</source>
        <translation>restaurada; vuelva a iniciar sesión (las ranuras de clave restauradas tienen las contraseñas de la copia)</translation>
    </message>
    <message>
        <source>the new backup file (never overwritten)</source>
        <translation>el nuevo archivo de copia de seguridad (nunca se sobrescribe)</translation>
    </message>
    <message>
        <source>Back up the whole clinic into one signed, encrypted file</source>
        <translation>Hacer una copia de seguridad de toda la clínica en un único archivo firmado y cifrado</translation>
    </message>
    <message>
        <source>Print a backup&apos;s manifest and verify its signature (no decryption)</source>
        <translation>Mostrar el manifiesto de una copia de seguridad y verificar su firma (sin descifrar)</translation>
    </message>
    <message>
        <source>With --clinic and --as the signature is checked against the clinic&apos;s signing key (audited);
without, only against the key the manifest names.</source>
        <translation>Con --clinic y --as la firma se comprueba con la clave de firma de la clínica (auditado);
sin ellas, solo con la clave que nombra el manifiesto.</translation>
    </message>
    <message>
        <source>accept a backup signed by another clinic&apos;s key</source>
        <translation>aceptar una copia firmada con la clave de otra clínica</translation>
    </message>
    <message>
        <source>an account in the backup whose password opens it (another clinic or key era)</source>
        <translation>una cuenta de la copia cuya contraseña la abre (otra clínica u otra época de claves)</translation>
    </message>
    <message>
        <source>Verify a backup completely, then replace the clinic&apos;s files with it atomically</source>
        <translation>Verificar por completo una copia de seguridad y luego sustituir con ella los archivos de la clínica de forma atómica</translation>
    </message>
    <message>
        <source>Passwords: the acting user&apos;s (--as) first, then the --backup-as account&apos;s.
The session ends after the restore; the live trail&apos;s last event records it.</source>
        <translation>Contraseñas: primero la del usuario que actúa (--as), luego la de la cuenta --backup-as.
La sesión termina tras la restauración; el último evento de la traza en vivo la registra.</translation>
    </message>
    <message>
        <source>Run the known-answer self-test of every cryptographic component and print each check</source>
        <translation>Ejecutar la autoprueba de respuesta conocida de cada componente criptográfico y mostrar cada comprobación</translation>
    </message>
    <message>
        <source>self-test passed (%1 checks)</source>
        <translation>autoprueba superada (%1 comprobaciones)</translation>
    </message>
    <message>
        <source>self-test FAILED (%1 checks)</source>
        <translation>autoprueba FALLIDA (%1 comprobaciones)</translation>
    </message>
    <message>
        <source>The test hook CIPHERCHART_SELFTEST_BREAK=&lt;check name&gt; corrupts one check&apos;s expected value.</source>
        <translation>El gancho de prueba CIPHERCHART_SELFTEST_BREAK=&lt;nombre de comprobación&gt; corrompe el valor esperado de una comprobación.</translation>
    </message>
    <message>
        <source>the clinic folder</source>
        <translation>la carpeta de la clínica</translation>
    </message>
    <message>
        <source>the acting account</source>
        <translation>la cuenta que actúa</translation>
    </message>
    <message>
        <source>read passwords one per line from standard input</source>
        <translation>leer las contraseñas de la entrada estándar, una por línea</translation>
    </message>
    <message>
        <source>--%1 is required; see --help</source>
        <translation>--%1 es obligatorio; consulte --help</translation>
    </message>
    <message>
        <source>warning: audit witness: %1</source>
        <translation>aviso: testigo de auditoría: %1</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>Contraseña de %1</translation>
    </message>
    <message>
        <source>Passwords are read from the terminal without echo, or one per line from standard input with
--password-stdin, in this order: the acting user&apos;s (--as) first, then any new password, then
a sponsoring doctor&apos;s or custodians&apos; in the order given.</source>
        <translation>Las contraseñas se leen del terminal sin eco, o una por línea de la entrada estándar con
--password-stdin, en este orden: primero la del usuario que actúa (--as), luego cualquier
contraseña nueva, luego la de un médico avalista o las de los custodios en el orden dado.</translation>
    </message>
    <message>
        <source>--%1 must be a whole number</source>
        <translation>--%1 debe ser un número entero</translation>
    </message>
    <message>
        <source>--recovery-out folder &apos;%1&apos; does not exist</source>
        <translation>la carpeta --recovery-out «%1» no existe</translation>
    </message>
    <message>
        <source>New password for administrator %1</source>
        <translation>Nueva contraseña del administrador %1</translation>
    </message>
    <message>
        <source>New password for custodian %1</source>
        <translation>Nueva contraseña del custodio %1</translation>
    </message>
    <message>
        <source>New password for doctor %1</source>
        <translation>Nueva contraseña del médico %1</translation>
    </message>
    <message>
        <source>cipherchart-cli: warning: %1 holds the whole report private key; destroy it now that it is dealt to the custodians</source>
        <translation>cipherchart-cli: aviso: %1 contiene toda la clave privada de informes; destrúyalo ahora que está repartida entre los custodios</translation>
    </message>
    <message>
        <source>generating the report key (safe primes)</source>
        <translation>generando la clave de informes (primos seguros)</translation>
    </message>
    <message>
        <source>%1 exists; refusing to overwrite a share</source>
        <translation>%1 existe; no se sobrescribe un fragmento</translation>
    </message>
    <message>
        <source>Clinic &apos;%1&apos; created in %2</source>
        <translation>Clínica «%1» creada en %2</translation>
    </message>
    <message>
        <source>clinic id</source>
        <translation>id de clínica</translation>
    </message>
    <message>
        <source>report key id</source>
        <translation>id clave informes</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 custodians decrypt report totals)</source>
        <translation>%1 (%2 de %3 custodios descifran los totales de los informes)</translation>
    </message>
    <message>
        <source>report key fingerprint</source>
        <translation>huella de la clave de informes</translation>
    </message>
    <message>
        <source>Recovery shares written to %1 (%2 of %3 restore the clinic). Print them, give each to a different
custodian and delete the files: they are not kept in the clinic.</source>
        <translation>Fragmentos de recuperación escritos en %1 (%2 de %3 restauran la clínica). Imprímalos, entregue cada uno a un
custodio distinto y borre los archivos: no se guardan en la clínica.</translation>
    </message>
    <message>
        <source>Recovery shares (%1 of %2 restore every key if all passwords are lost).
Print each on paper for a different custodian. They are not stored anywhere:</source>
        <translation>Fragmentos de recuperación (%1 de %2 restauran todas las claves si se pierden todas las contraseñas).
Imprima cada uno en papel para un custodio distinto. No se guardan en ningún sitio:</translation>
    </message>
    <message>
        <source>ok: %1 (%2); the password is temporary: change it with &apos;cipherchart-cli passwd&apos;</source>
        <translation>correcto: %1 (%2); la contraseña es temporal: cámbiela con «cipherchart-cli passwd»</translation>
    </message>
    <message>
        <source>ok: %1 (%2)</source>
        <translation>correcto: %1 (%2)</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nueva contraseña</translation>
    </message>
    <message>
        <source>password changed</source>
        <translation>contraseña cambiada</translation>
    </message>
    <message>
        <source>Create a clinic: every key, the administrator, custodians, report key and recovery shares</source>
        <translation>Crear una clínica: todas las claves, el administrador, los custodios, la clave de informes y los fragmentos de recuperación</translation>
    </message>
    <message>
        <source>the new clinic folder (created; must not hold a clinic)</source>
        <translation>la nueva carpeta de la clínica (se crea; no debe contener una clínica)</translation>
    </message>
    <message>
        <source>the first administrator account</source>
        <translation>la primera cuenta de administrador</translation>
    </message>
    <message>
        <source>the clinic&apos;s display name</source>
        <translation>el nombre visible de la clínica</translation>
    </message>
    <message>
        <source>comma-separated administrator accounts holding report-key shares</source>
        <translation>cuentas de administrador, separadas por comas, que guardan fragmentos de la clave de informes</translation>
    </message>
    <message>
        <source>custodians needed to decrypt report totals (default 1)</source>
        <translation>custodios necesarios para descifrar los totales de los informes (1 por omisión)</translation>
    </message>
    <message>
        <source>also create a first doctor account</source>
        <translation>crear también una primera cuenta de médico</translation>
    </message>
    <message>
        <source>recovery key shares to print (default 3)</source>
        <translation>fragmentos de la clave de recuperación que se imprimen (3 por omisión)</translation>
    </message>
    <message>
        <source>shares needed to recover (default 2)</source>
        <translation>fragmentos necesarios para recuperar (2 por omisión)</translation>
    </message>
    <message>
        <source>write the recovery shares to files here instead of the terminal</source>
        <translation>escribir los fragmentos de recuperación en archivos aquí en lugar de en el terminal</translation>
    </message>
    <message>
        <source>3072 (default), 4096, or 2048 for tests</source>
        <translation>3072 (por omisión), 4096, o 2048 para pruebas</translation>
    </message>
    <message>
        <source>deal an existing private-key file (tests, interop) instead of generating</source>
        <translation>repartir un archivo de clave privada existente (pruebas, interoperabilidad) en lugar de generarla</translation>
    </message>
    <message>
        <source>mark the clinic as a demo clinic (the window title says DEMO)</source>
        <translation>marcar la clínica como clínica de demostración (el título de la ventana dice DEMO)</translation>
    </message>
    <message>
        <source>Passwords are read in this order: the administrator&apos;s, then each custodian&apos;s (as listed,
skipping the administrator), then the doctor&apos;s. Each new password needs 12 characters.
The published test keys of tests/data/paillier are refused unless the clinic is a --demo.</source>
        <translation>Las contraseñas se leen en este orden: la del administrador, luego la de cada custodio (en el orden
dado, saltando al administrador) y luego la del médico. Cada contraseña nueva necesita 12 caracteres.
Las claves de prueba publicadas de tests/data/paillier se rechazan salvo que la clínica sea --demo.</translation>
    </message>
    <message>
        <source>Check that an account can log in (throttling and lock-out apply; the attempt is audited)</source>
        <translation>Comprobar que una cuenta puede iniciar sesión (se aplican la limitación y el bloqueo; el intento se audita)</translation>
    </message>
    <message>
        <source>Change the acting account&apos;s own password</source>
        <translation>Cambiar la contraseña propia de la cuenta que actúa</translation>
    </message>
    <message>
        <source>
Order here: the current password, then the new one.</source>
        <translation>
Orden aquí: la contraseña actual y luego la nueva.</translation>
    </message>
    <message>
        <source>Demo clinic created in %1</source>
        <translation>Clínica de demostración creada en %1</translation>
    </message>
    <message>
        <source>Demo clinic already exists in %1 (opened; nothing imported again)</source>
        <translation>La clínica de demostración ya existe en %1 (abierta; no se importa nada de nuevo)</translation>
    </message>
    <message>
        <source>The passwords are public: never put real patients into a demo clinic.</source>
        <translation>Las contraseñas son públicas: nunca introduzca pacientes reales en una clínica de demostración.</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>doctor</source>
        <translation>médico</translation>
    </message>
    <message>
        <source>Recovery shares (2 of 3; demo only):</source>
        <translation>Fragmentos de recuperación (2 de 3; solo demostración):</translation>
    </message>
    <message>
        <source>deal an existing private-key file (tests) instead of generating 3072-bit safe primes</source>
        <translation>repartir un archivo de clave privada existente (pruebas) en lugar de generar primos seguros de 3072 bits</translation>
    </message>
    <message>
        <source>Accounts (public passwords, demo only): administrator %1 / %2, doctor %3 / %4.</source>
        <translation>Cuentas (contraseñas públicas, solo para demostración): administrador %1 / %2, médico %3 / %4.</translation>
    </message>
    <message>
        <source>Create the demo clinic (Synthea sample, demo accounts), or open it if it exists</source>
        <translation>Crear la clínica de demostración (muestra de Synthea, cuentas de demostración), o abrirla si existe</translation>
    </message>
    <message>
        <source>the demo clinic folder</source>
        <translation>la carpeta de la clínica de demostración</translation>
    </message>
    <message>
        <source>The report key is generated (3072-bit safe primes: tens of seconds, with a progress
bar). The clinic is marked demo: the window title shows DEMO.</source>
        <translation>Se genera la clave de informes (primos seguros de 3072 bits: decenas de segundos, con una barra
de progreso). La clínica se marca como demostración: el título de la ventana muestra DEMO.</translation>
    </message>
    <message>
        <source>Create a large synthetic demo clinic for benchmarks</source>
        <translation>Crear una clínica de demostración sintética grande para pruebas de rendimiento</translation>
    </message>
    <message>
        <source>the new clinic folder</source>
        <translation>la nueva carpeta de la clínica</translation>
    </message>
    <message>
        <source>synthetic patients (1 to 1,000,000)</source>
        <translation>pacientes sintéticos (de 1 a 1.000.000)</translation>
    </message>
    <message>
        <source>numeric observations each (1 to 10,000)</source>
        <translation>observaciones numéricas de cada uno (de 1 a 10.000)</translation>
    </message>
    <message>
        <source>Names are generated from syllables (never real data); values are drawn from the
middle of each code&apos;s plausible range in the units catalogue (on a log scale for a
range of six decades or more: viral load). Imported as the doctor through the import
service in batches of about 5,000 observations.</source>
        <translation>Los nombres se generan a partir de sílabas (nunca datos reales); los valores se toman del
centro del intervalo plausible de cada código en el catálogo de unidades (en escala logarítmica
si el intervalo abarca seis órdenes de magnitud o más: carga viral). Se importan como el médico
mediante el servicio de importación en lotes de unas 5.000 observaciones.</translation>
    </message>
    <message>
        <source>condition added: %1</source>
        <translation>problema añadido: %1</translation>
    </message>
    <message>
        <source>medication added: %1</source>
        <translation>medicamento añadido: %1</translation>
    </message>
    <message>
        <source>allergy added: %1</source>
        <translation>alergia añadida: %1</translation>
    </message>
    <message>
        <source>1 condition</source>
        <translation>1 problema</translation>
    </message>
    <message>
        <source>%1 conditions</source>
        <translation>%1 problemas</translation>
    </message>
    <message>
        <source>1 medication</source>
        <translation>1 medicamento</translation>
    </message>
    <message>
        <source>%1 medications</source>
        <translation>%1 medicamentos</translation>
    </message>
    <message>
        <source>1 allergy</source>
        <translation>1 alergia</translation>
    </message>
    <message>
        <source>%1 allergies</source>
        <translation>%1 alergias</translation>
    </message>
    <message>
        <source>research use: opted out</source>
        <translation>uso en investigación: excluido</translation>
    </message>
    <message>
        <source>research use: consented</source>
        <translation>uso en investigación: consentido</translation>
    </message>
    <message>
        <source>The record is checked by the same rules as an imported one (codes, ISO 8601 dates,
end not before start, known status tokens); an error names the field (exit 1).
</source>
        <translation>El registro se comprueba con las mismas reglas que uno importado (códigos, fechas ISO 8601,
fin no anterior al inicio, estados conocidos); un error nombra el campo (salida 1).
</translation>
    </message>
    <message>
        <source>Add a problem (ICD-10 or SNOMED CT) to a patient&apos;s chart (doctor on the care team)</source>
        <translation>Añadir un problema (CIE-10 o SNOMED CT) a la historia de un paciente (médico del equipo de atención)</translation>
    </message>
    <message>
        <source>code system (default icd10)</source>
        <translation>sistema de códigos (icd10 por omisión)</translation>
    </message>
    <message>
        <source>the condition code (E11.9, 44054006)</source>
        <translation>el código del problema (E11.9, 44054006)</translation>
    </message>
    <message>
        <source>the condition&apos;s name</source>
        <translation>el nombre del problema</translation>
    </message>
    <message>
        <source>ISO 8601 date or date-time</source>
        <translation>fecha o fecha y hora ISO 8601</translation>
    </message>
    <message>
        <source>when it resolved (optional)</source>
        <translation>cuándo se resolvió (opcional)</translation>
    </message>
    <message>
        <source>active, recurrence, relapse, inactive, remission or resolved</source>
        <translation>active, recurrence, relapse, inactive, remission o resolved</translation>
    </message>
    <message>
        <source>List a patient&apos;s problems (doctor on the care team)</source>
        <translation>Listar los problemas de un paciente (médico del equipo de atención)</translation>
    </message>
    <message>
        <source>Add a medication (RxNorm) to a patient&apos;s chart (doctor on the care team)</source>
        <translation>Añadir un medicamento (RxNorm) a la historia de un paciente (médico del equipo de atención)</translation>
    </message>
    <message>
        <source>the RxNorm concept id</source>
        <translation>el id de concepto RxNorm</translation>
    </message>
    <message>
        <source>the medication&apos;s name</source>
        <translation>el nombre del medicamento</translation>
    </message>
    <message>
        <source>when it stopped (optional)</source>
        <translation>cuándo se suspendió (opcional)</translation>
    </message>
    <message>
        <source>dosage instruction (optional)</source>
        <translation>instrucciones de dosificación (opcional)</translation>
    </message>
    <message>
        <source>active, on-hold, completed, stopped, cancelled, entered-in-error</source>
        <translation>active, on-hold, completed, stopped, cancelled, entered-in-error</translation>
    </message>
    <message>
        <source>List a patient&apos;s medications (doctor on the care team)</source>
        <translation>Listar los medicamentos de un paciente (médico del equipo de atención)</translation>
    </message>
    <message>
        <source>Add an allergy or intolerance to a patient&apos;s chart (doctor on the care team)</source>
        <translation>Añadir una alergia o intolerancia a la historia de un paciente (médico del equipo de atención)</translation>
    </message>
    <message>
        <source>code system of the substance (default snomed)</source>
        <translation>sistema de códigos de la sustancia (snomed por omisión)</translation>
    </message>
    <message>
        <source>the substance or allergy code</source>
        <translation>el código de la sustancia o de la alergia</translation>
    </message>
    <message>
        <source>the substance&apos;s name</source>
        <translation>el nombre de la sustancia</translation>
    </message>
    <message>
        <source>when it ended (optional)</source>
        <translation>cuándo terminó (opcional)</translation>
    </message>
    <message>
        <source>low, high or unable-to-assess</source>
        <translation>low, high o unable-to-assess</translation>
    </message>
    <message>
        <source>active, inactive or resolved</source>
        <translation>active, inactive o resolved</translation>
    </message>
    <message>
        <source>the reaction&apos;s SNOMED CT code</source>
        <translation>el código SNOMED CT de la reacción</translation>
    </message>
    <message>
        <source>the reaction&apos;s name</source>
        <translation>el nombre de la reacción</translation>
    </message>
    <message>
        <source>mild, moderate or severe</source>
        <translation>mild, moderate o severe</translation>
    </message>
    <message>
        <source>List a patient&apos;s allergies (doctor on the care team)</source>
        <translation>Listar las alergias de un paciente (médico del equipo de atención)</translation>
    </message>
    <message>
        <source>Record research consent: a patient for themselves, or a doctor from a paper form</source>
        <translation>Registrar el consentimiento para investigación: un paciente para sí mismo, o un médico a partir de un formulario en papel</translation>
    </message>
    <message>
        <source>the patient (a doctor; a patient account omits it)</source>
        <translation>el paciente (un médico; una cuenta de paciente lo omite)</translation>
    </message>
    <message>
        <source>no = opt out of research use</source>
        <translation>no = excluirse del uso en investigación</translation>
    </message>
    <message>
        <source>cipherchart-cli: self-test failed: %1: %2</source>
        <translation>cipherchart-cli: autoprueba fallida: %1: %2</translation>
    </message>
    <message>
        <source>give exactly one of --text and --text-file</source>
        <translation>indique exactamente uno de --text y --text-file</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>no se puede leer %1</translation>
    </message>
    <message>
        <source>note %1 added (shared with the patient)</source>
        <translation>nota %1 añadida (compartida con el paciente)</translation>
    </message>
    <message>
        <source>note %1 added (not shared with the patient)</source>
        <translation>nota %1 añadida (no compartida con el paciente)</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>compartida</translation>
    </message>
    <message>
        <source>private</source>
        <translation>privada</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 nota</translation>
    </message>
    <message>
        <source>%1 notes</source>
        <translation>%1 notas</translation>
    </message>
    <message>
        <source>encrypting</source>
        <translation>cifrando</translation>
    </message>
    <message>
        <source>attachment %1 added</source>
        <translation>adjunto %1 añadido</translation>
    </message>
    <message>
        <source>1 attachment</source>
        <translation>1 adjunto</translation>
    </message>
    <message>
        <source>%1 attachments</source>
        <translation>%1 adjuntos</translation>
    </message>
    <message>
        <source>a file already exists at %1</source>
        <translation>ya existe un archivo en %1</translation>
    </message>
    <message>
        <source>this patient has no attachment with this id</source>
        <translation>este paciente no tiene ningún adjunto con este id</translation>
    </message>
    <message>
        <source>attachment written to %1</source>
        <translation>adjunto escrito en %1</translation>
    </message>
    <message>
        <source>Add a clinical note (doctor on the care team); private unless --shared</source>
        <translation>Añadir una nota clínica (médico del equipo de atención); privada salvo con --shared</translation>
    </message>
    <message>
        <source>the note&apos;s title</source>
        <translation>el título de la nota</translation>
    </message>
    <message>
        <source>the note&apos;s text</source>
        <translation>el texto de la nota</translation>
    </message>
    <message>
        <source>read the text from a UTF-8 file (at most 1 MB)</source>
        <translation>leer el texto de un archivo UTF-8 (1 MB como máximo)</translation>
    </message>
    <message>
        <source>the patient may read this note in the patient portal</source>
        <translation>el paciente puede leer esta nota en el portal del paciente</translation>
    </message>
    <message>
        <source>A note not shared with the patient is sealed under a key that no patient account
holds (docs/RECORDS.md).
</source>
        <translation>Una nota no compartida con el paciente se sella con una clave que ninguna cuenta de paciente
tiene (docs/RECORDS.md).
</translation>
    </message>
    <message>
        <source>List a patient&apos;s notes (a patient account: only the shared ones)</source>
        <translation>Listar las notas de un paciente (una cuenta de paciente: solo las compartidas)</translation>
    </message>
    <message>
        <source>Attach a PNG, JPEG or PDF file (at most 1 GiB) to a patient&apos;s record</source>
        <translation>Adjuntar un archivo PNG, JPEG o PDF (1 GiB como máximo) a la historia de un paciente</translation>
    </message>
    <message>
        <source>a short description</source>
        <translation>una descripción breve</translation>
    </message>
    <message>
        <source>List a patient&apos;s attachments</source>
        <translation>Listar los adjuntos de un paciente</translation>
    </message>
    <message>
        <source>Decrypt an attachment into a new file (every chunk verified first)</source>
        <translation>Descifrar un adjunto en un archivo nuevo (cada bloque se verifica antes)</translation>
    </message>
    <message>
        <source>the attachment&apos;s id (from attachment list)</source>
        <translation>el id del adjunto (de attachment list)</translation>
    </message>
    <message>
        <source>the file to create (must not exist)</source>
        <translation>el archivo que se crea (no debe existir)</translation>
    </message>
    <message>
        <source>Generate a standalone, UNPROTECTED Paillier private-key file (tests and interoperability)</source>
        <translation>Generar un archivo de clave privada Paillier independiente y SIN PROTECCIÓN (pruebas e interoperabilidad)</translation>
    </message>
    <message>
        <source>modulus size: 3072 (default), 4096 or 2048</source>
        <translation>tamaño del módulo: 3072 (por omisión), 4096 o 2048</translation>
    </message>
    <message>
        <source>the new key file (never overwritten; mode 0600)</source>
        <translation>el nuevo archivo de clave (nunca se sobrescribe; modo 0600)</translation>
    </message>
    <message>
        <source>The file is JSON: the public JWK members (kty DAJ, alg PAI-GN1, n, kid, hs) plus base64url p and q. It is not encrypted: clinics keep keys in key slots and decryption shares with custodians.</source>
        <translation>El archivo es JSON: los miembros del JWK público (kty DAJ, alg PAI-GN1, n, kid, hs) más p y q en base64url. No está cifrado: las clínicas guardan las claves en ranuras de clave y las partes de descifrado con los custodios.</translation>
    </message>
    <message>
        <source>Print the public key of a key file as a JSON Web Key (python-paillier&apos;s form)</source>
        <translation>Mostrar la clave pública de un archivo de clave como JSON Web Key (la forma de python-paillier)</translation>
    </message>
    <message>
        <source>Encrypt a signed integer; prints the base64url ciphertext blob (or c in decimal with --raw)</source>
        <translation>Cifrar un entero con signo; muestra el blob de texto cifrado en base64url (o c en decimal con --raw)</translation>
    </message>
    <message>
        <source>public JWK or private-key file</source>
        <translation>JWK público o archivo de clave privada</translation>
    </message>
    <message>
        <source>signed decimal integer</source>
        <translation>entero decimal con signo</translation>
    </message>
    <message>
        <source>print the bare integer c in decimal (for other implementations)</source>
        <translation>mostrar el entero c sin más, en decimal (para otras implementaciones)</translation>
    </message>
    <message>
        <source>Print the ciphertext of the sum of ciphertexts (base64url blobs or decimal c)</source>
        <translation>Mostrar el texto cifrado de la suma de textos cifrados (blobs base64url o c en decimal)</translation>
    </message>
    <message>
        <source>print the bare integer c in decimal</source>
        <translation>mostrar el entero c sin más, en decimal</translation>
    </message>
    <message>
        <source>Decrypt a ciphertext (base64url blob or decimal c) with a private-key file; prints the integer</source>
        <translation>Descifrar un texto cifrado (blob base64url o c en decimal) con un archivo de clave privada; muestra el entero</translation>
    </message>
    <message>
        <source>private-key file from paillier keygen</source>
        <translation>archivo de clave privada de paillier keygen</translation>
    </message>
    <message>
        <source>standard input ended before the password for &apos;%1&apos; (see --help for the order)</source>
        <translation>la entrada estándar terminó antes de la contraseña de «%1» (consulte --help para el orden)</translation>
    </message>
    <message>
        <source>empty password for &apos;%1&apos;</source>
        <translation>contraseña vacía para «%1»</translation>
    </message>
    <message>
        <source>password for &apos;%1&apos; is longer than 1024 bytes</source>
        <translation>la contraseña de «%1» tiene más de 1024 bytes</translation>
    </message>
    <message>
        <source>no terminal to ask for a password; use --password-stdin</source>
        <translation>no hay terminal para pedir una contraseña; use --password-stdin</translation>
    </message>
    <message>
        <source>no password entered for &apos;%1&apos;</source>
        <translation>no se introdujo ninguna contraseña para «%1»</translation>
    </message>
    <message>
        <source>%1 (again)</source>
        <translation>%1 (otra vez)</translation>
    </message>
    <message>
        <source>the two passwords for &apos;%1&apos; differ</source>
        <translation>las dos contraseñas de «%1» no coinciden</translation>
    </message>
    <message>
        <source>Recovery share %1 of %2</source>
        <translation>Fragmento de recuperación %1 de %2</translation>
    </message>
    <message>
        <source>Recovery share %1</source>
        <translation>Fragmento de recuperación %1</translation>
    </message>
    <message>
        <source>%1: checksum ok, share number %2 of a %3-of-n set</source>
        <translation>%1: suma de comprobación correcta, fragmento número %2 de un conjunto %3-de-n</translation>
    </message>
    <message>
        <source>Type it again.</source>
        <translation>Escríbalo de nuevo.</translation>
    </message>
    <message>
        <source>Temporary password for %1</source>
        <translation>Contraseña temporal de %1</translation>
    </message>
    <message>
        <source>new %1 account %2 created from the recovery key (%3 rotated key(s) taken from the mailbox);</source>
        <translation>nueva cuenta de %1 %2 creada con la clave de recuperación (%3 clave(s) rotada(s) tomada(s) del buzón);</translation>
    </message>
    <message>
        <source>%1 account %2 re-issued from the recovery key (%3 rotated key(s) taken from the mailbox);</source>
        <translation>cuenta de %1 %2 reemitida con la clave de recuperación (%3 clave(s) rotada(s) tomada(s) del buzón);</translation>
    </message>
    <message>
        <source>log in with the temporary password and choose a new one. The audit trail records the recovery, flagged for review.</source>
        <translation>inicie sesión con la contraseña temporal y elija una nueva. La traza de auditoría registra la recuperación, marcada para revisión.</translation>
    </message>
    <message>
        <source>the account to re-issue (an administrator or doctor who holds no report-key share), or a new administrator&apos;s name</source>
        <translation>la cuenta que se reemite (un administrador o médico que no tenga fragmento de la clave de informes), o el nombre de un nuevo administrador</translation>
    </message>
    <message>
        <source>Restore access with k recovery shares when passwords are lost</source>
        <translation>Restaurar el acceso con k fragmentos de recuperación cuando se pierden las contraseñas</translation>
    </message>
    <message>
        <source>Nobody logs in: the recovery shares printed at `init` open the sealed recovery ring
(recovery.ccr), which holds every clinic key, and the account gets a new key slot with a
temporary password (changed at first login). Report-key shares are not in the recovery
ring: a custodian&apos;s account is refused; recover a new administrator instead.
Each share is checked (CRC-32) as soon as it is typed. With --password-stdin, standard
input holds one share per line (as many as the threshold printed on them), then the
temporary password. One audit event, flagged for review.</source>
        <translation>Nadie inicia sesión: los fragmentos de recuperación impresos en `init` abren el anillo de
recuperación sellado (recovery.ccr), que contiene todas las claves de la clínica, y la cuenta
recibe una nueva ranura de clave con una contraseña temporal (se cambia en el primer inicio de
sesión). Los fragmentos de la clave de informes no están en el anillo: la cuenta de un custodio
se rechaza; recupere en su lugar un nuevo administrador.
Cada fragmento se comprueba (CRC-32) en cuanto se escribe. Con --password-stdin, la entrada
estándar contiene un fragmento por línea (tantos como el umbral impreso en ellos) y después la
contraseña temporal. Un evento de auditoría, marcado para revisión.</translation>
    </message>
    <message>
        <source>ok: %1</source>
        <translation>correcto: %1</translation>
    </message>
    <message>
        <source>not checked: %1</source>
        <translation>no comprobado: %1</translation>
    </message>
    <message>
        <source>clinic verified</source>
        <translation>clínica verificada</translation>
    </message>
    <message>
        <source>CLINIC DAMAGED OR ALTERED: %1</source>
        <translation>CLÍNICA DAÑADA O ALTERADA: %1</translation>
    </message>
    <message>
        <source>Check the whole clinic: every database page, the key-slot file, the audit chain and anchor, and every sealed row and index MAC your keys can check; exit 3 names the first problem</source>
        <translation>Comprobar toda la clínica: cada página de la base de datos, el archivo de ranuras de clave, la cadena de auditoría y su ancla, y cada fila sellada e índice MAC que sus claves puedan comprobar; el código de salida 3 nombra el primer problema</translation>
    </message>
    <message>
        <source>
An administrator checks pages, key slots, the audit chain (with its MACs) and the anchor, and every identity document; a doctor also every clinical row of their care-team patients and every observation index MAC.</source>
        <translation>
Un administrador comprueba las páginas, las ranuras de clave, la cadena de auditoría (con sus MAC) y el ancla, y cada documento de identidad; un médico además cada fila clínica de los pacientes de sus equipos de atención y cada MAC de índice de observaciones.</translation>
    </message>
    <message>
        <source>%1  id %2  v%3  %4 days</source>
        <translation>%1  id %2  v%3  %4 días</translation>
    </message>
    <message>
        <source>warning: %1 holds the whole report private key; a demo clinic&apos;s report totals are not secret</source>
        <translation>aviso: %1 contiene toda la clave privada de informes; los totales de los informes de una clínica de demostración no son secretos</translation>
    </message>
    <message>
        <source> to </source>
        <translation> a </translation>
    </message>
    <message>
        <source>Opting out takes the patient out of every report cohort at once.</source>
        <translation>La exclusión saca al paciente de todas las cohortes de informes a la vez.</translation>
    </message>
    <message>
        <source>generating a %1-bit Paillier key from safe primes (this can take a minute)</source>
        <translation>generando una clave Paillier de %1 bits a partir de primos seguros (puede tardar un minuto)</translation>
    </message>
    <message>
        <source>warning: %1 holds an UNPROTECTED private key (p and q in clear): use it for tests and interoperability only</source>
        <translation>aviso: %1 contiene una clave privada SIN PROTECCIÓN (p y q en claro): úsela solo para pruebas e interoperabilidad</translation>
    </message>
    <message>
        <source>key id %1</source>
        <translation>id de clave %1</translation>
    </message>
    <message>
        <source>published figures written to %1</source>
        <translation>cifras publicadas escritas en %1</translation>
    </message>
    <message>
        <source>  %1 rotated to version %2, sealed for %3 recipient(s) incl. the recovery ring</source>
        <translation>  %1 rotada a la versión %2, sellada para %3 destinatario(s), incluido el anillo de recuperación</translation>
    </message>
    <message>
        <source>  %1 rotation pending: the next doctor&apos;s login performs it</source>
        <translation>  rotación de %1 pendiente: la realiza el próximo inicio de sesión de un médico</translation>
    </message>
    <message>
        <source>  %1 rotation pending: rotate it with &apos;keys rotate&apos;</source>
        <translation>  rotación de %1 pendiente: rótela con &apos;keys rotate&apos;</translation>
    </message>
    <message>
        <source>  not rotated: %1</source>
        <translation>  no rotada: %1</translation>
    </message>
    <message>
        <source>the account is disabled, but a key rotation failed and stays pending: %1</source>
        <translation>la cuenta está desactivada, pero una rotación de claves falló y queda pendiente: %1</translation>
    </message>
    <message>
        <source>Disable an account: its key slot is deleted and the keys it held are rotated</source>
        <translation>Desactivar una cuenta: se borra su ranura de claves y se rotan las claves que tenía</translation>
    </message>
    <message>
        <source>a doctor who takes part, to rotate the clinical key at once</source>
        <translation>un médico que participa, para rotar la clave clínica en el acto</translation>
    </message>
    <message>
        <source>
Order here: yours, then the sponsoring doctor&apos;s (--sponsor).
Cost: an old copy of the key-slot file plus the account&apos;s password would still open the keys of today,
so they are rotated now: the identity key (one re-wrap per patient) and the database key (the whole
database is re-encrypted, about a second per 100 MB; every account takes the new key at its next login).
A doctor&apos;s clinical key is rotated at once with --sponsor, otherwise by the next doctor&apos;s login (shown as
pending until then). Backups made before keep the old keys (docs/KEYS.md section 8).</source>
        <translation>
Orden aquí: la suya y luego la del médico patrocinador (--sponsor).
Coste: una copia antigua del archivo de ranuras de claves más la contraseña de la cuenta aún abriría las claves de hoy,
por eso se rotan ahora: la clave de identidad (un reempaquetado por paciente) y la clave de la base de datos (toda la
base de datos se vuelve a cifrar, aproximadamente un segundo por 100 MB; cada cuenta toma la nueva clave en su próximo inicio de sesión).
La clave clínica de un médico se rota en el acto con --sponsor; si no, en el próximo inicio de sesión de un médico (se muestra
como pendiente hasta entonces). Las copias de seguridad anteriores conservan las claves antiguas (docs/KEYS.md, sección 8).</translation>
    </message>
    <message>
        <source>    PENDING rotation (the next doctor&apos;s login performs it):</source>
        <translation>    rotación PENDIENTE (la realiza el próximo inicio de sesión de un médico):</translation>
    </message>
    <message>
        <source>    PENDING rotation (run &apos;keys rotate&apos;):</source>
        <translation>    rotación PENDIENTE (ejecute &apos;keys rotate&apos;):</translation>
    </message>
    <message>
        <source>Every recipient was pinned already: nothing changed.</source>
        <translation>Todos los destinatarios ya estaban fijados: no cambió nada.</translation>
    </message>
    <message>
        <source>Pinned the box public keys of: %1 (flagged for review in the audit trail).</source>
        <translation>Se fijaron las claves públicas de caja de: %1 (marcado para revisión en el registro de auditoría).</translation>
    </message>
    <message>
        <source>Pin the box public keys of accounts that have no pin yet (trust on first use)</source>
        <translation>Fijar las claves públicas de caja de las cuentas que aún no tienen fijación (confianza en el primer uso)</translation>
    </message>
    <message>
        <source>
For a clinic created before pins existed: rotations refuse unpinned accounts. An administrator pins every account and the recovery ring; a doctor adds the clinical pins. Existing pins are never replaced. Run it only while you are sure nobody has changed the key-slot file (docs/KEYS.md section 8).</source>
        <translation>
Para una clínica creada antes de que existieran las fijaciones: las rotaciones rechazan las cuentas sin fijar. Un administrador fija todas las cuentas y el anillo de recuperación; un médico añade las fijaciones clínicas. Las fijaciones existentes nunca se reemplazan. Ejecútelo solo cuando esté seguro de que nadie ha modificado el archivo de ranuras de claves (docs/KEYS.md, sección 8).</translation>
    </message>
    <message>
        <source>research use: opt-out requested; the clinic applies it before any report runs</source>
        <translation>uso en investigación: exclusión solicitada; la clínica la aplica antes de ejecutar cualquier informe</translation>
    </message>
    <message>
        <source>research use: consent requested; the clinic applies it before any report runs</source>
        <translation>uso en investigación: consentimiento solicitado; la clínica lo aplica antes de ejecutar cualquier informe</translation>
    </message>
    <message>
        <source>What to do: free space on that disk, then run the command again.
</source>
        <translation>Qué hacer: libere espacio en ese disco y vuelva a ejecutar la orden.
</translation>
    </message>
    <message>
        <source>What to do: that storage is read-only. Make it writable (or copy the clinic folder to writable storage), then run the command again.
</source>
        <translation>Qué hacer: ese almacenamiento es de solo lectura. Permita la escritura en él (o copie la carpeta de la clínica a un almacenamiento con escritura) y vuelva a ejecutar la orden.
</translation>
    </message>
    <message>
        <source>What to do: check that the path above exists and that its disk works (the system log names a failing device), then run the command again.
</source>
        <translation>Qué hacer: compruebe que la ruta indicada arriba existe y que su disco funciona (el registro del sistema nombra el dispositivo que falla) y vuelva a ejecutar la orden.
</translation>
    </message>
    <message>
        <source>index writer key pinned in this account&apos;s key ring; reports check the index seal with it from the next login on</source>
        <translation>clave de escritor del índice fijada en el anillo de claves de esta cuenta; los informes comprueban el sello del índice con ella a partir del próximo inicio de sesión</translation>
    </message>
    <message>
        <source>Pin the index writer key in this administrator&apos;s ring (accounts from before the index seal; audited)</source>
        <translation>Fijar la clave de escritor del índice en el anillo de este administrador (cuentas anteriores al sello del índice; auditado)</translation>
    </message>
    <message>
        <source>the index writer key a doctor&apos;s `verify` shows (64 hex digits)</source>
        <translation>la clave de escritor del índice que muestra `verify` de un médico (64 dígitos hexadecimales)</translation>
    </message>
    <message>
        <source>
Order here: the password of --as, then the same password again (the slot is re-wrapped).
Report runs and decryption shares check the index seal (docs/RECORDS.md) with this key; compare it with a doctor&apos;s `verify` output before trusting it.</source>
        <translation>
Orden aquí: la contraseña de --as y luego la misma contraseña otra vez (la ranura se vuelve a envolver).
Las ejecuciones de informes y las partes de descifrado comprueban el sello del índice (docs/RECORDS.md) con esta clave; compárela con la salida de `verify` de un médico antes de confiar en ella.</translation>
    </message>
    <message>
        <source>median ~%1 (IQR ~%2–%3)</source>
        <translation>mediana ~%1 (RIC ~%2–%3)</translation>
    </message>
    <message>
        <source>median and IQR not estimable (the histogram&apos;s bins are too wide after disclosure control)</source>
        <translation>mediana y RIC no estimables (los intervalos del histograma son demasiado anchos tras el control de divulgación)</translation>
    </message>
    <message>
        <source>n=%1 patients, %2 observations, mean %3, SD %4, %5</source>
        <translation>n=%1 pacientes, %2 observaciones, media %3, DE %4, %5</translation>
    </message>
    <message>
        <source>encrypted report %1 written to %2: %3 cells over %4 index rows (read in %5 ms, overlapping the index seal&apos;s hashes %6 ms and products %7 ms of CPU time on %8 threads; cells in %9 ms)</source>
        <translation>informe cifrado %1 escrito en %2: %3 celdas sobre %4 filas del índice (leídas en %5 ms, en paralelo con los hashes del sello del índice %6 ms y los productos %7 ms de tiempo de CPU en %8 hilos; celdas en %9 ms)</translation>
    </message>
    <message>
        <source>Administrators run reports. Cohorts are chosen with blind tokens; no clinical or identity
document is opened. Every index row is hashed for the index seal, which must verify
over exactly those rows before any sum is used.</source>
        <translation>Los administradores ejecutan los informes. Las cohortes se eligen con testigos ciegos; no se abre ningún
documento clínico ni de identidad. Cada fila del índice entra en el hash del sello del índice, que debe verificarse
sobre exactamente esas filas antes de usar ninguna suma.</translation>
    </message>
    <message>
        <source>CipherChart recovery share
Clinic: %1 (id %2)
Share %3 of %4; any %5 of them restore the clinic. Recovery key %6, version %7.

    %8

Keep this page sealed, apart from the other shares, and show it to nobody. It is used only
when every administrator password is lost (`cipherchart-cli keys recover` or the recovery
window) or to re-issue the shares. Shares printed before this set no longer work:
destroy them.
</source>
        <translation>Fragmento de recuperación de CipherChart
Clínica: %1 (id %2)
Fragmento %3 de %4; %5 cualesquiera de ellos restauran la clínica. Clave de recuperación %6, versión %7.

    %8

Guarde esta página en un sobre cerrado, separada de los demás fragmentos, y no la muestre a nadie. Solo se usa
cuando se han perdido todas las contraseñas de administrador (`cipherchart-cli keys recover` o la ventana de
recuperación) o para volver a emitir los fragmentos. Los fragmentos impresos antes de este juego ya no sirven:
destrúyalos.
</translation>
    </message>
    <message>
        <source>--out folder &apos;%1&apos; does not exist</source>
        <translation>la carpeta de --out «%1» no existe</translation>
    </message>
    <message>
        <source>the recovery shares were re-issued but %1 could not be written; re-issue again with the new shares printed on the terminal</source>
        <translation>los fragmentos de recuperación se volvieron a emitir, pero no se pudo escribir %1; emítalos de nuevo con los fragmentos nuevos mostrados en el terminal</translation>
    </message>
    <message>
        <source>Recovery shares re-issued: %1 of %2 now restore the clinic (recovery key %3, version %4). The old shares no longer open this clinic&apos;s recovery ring.</source>
        <translation>Fragmentos de recuperación emitidos de nuevo: ahora %1 de %2 restauran la clínica (clave de recuperación %3, versión %4). Los fragmentos antiguos ya no abren el anillo de recuperación de esta clínica.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>aviso: %1</translation>
    </message>
    <message>
        <source>One page per custodian written to %1: print each, give it to a different custodian and delete the files.</source>
        <translation>Una página por custodio escrita en %1: imprima cada una, entréguela a un custodio distinto y borre los archivos.</translation>
    </message>
    <message>
        <source>Print each share for a different custodian. They are not stored anywhere:</source>
        <translation>Imprima cada fragmento para un custodio distinto. No se guardan en ningún sitio:</translation>
    </message>
    <message>
        <source>how many of the new shares restore the clinic (2 or more)</source>
        <translation>cuántos de los fragmentos nuevos restauran la clínica (2 o más)</translation>
    </message>
    <message>
        <source>how many new shares to print, one per custodian (K to 255)</source>
        <translation>cuántos fragmentos nuevos imprimir, uno por custodio (de K a 255)</translation>
    </message>
    <message>
        <source>who asks for the re-issue, for the audit trail</source>
        <translation>quién pide la nueva emisión, para el registro de auditoría</translation>
    </message>
    <message>
        <source>write one printable page per custodian there (recovery-share-N.txt) instead of printing the shares</source>
        <translation>escribir ahí una página imprimible por custodio (recovery-share-N.txt) en lugar de mostrar los fragmentos</translation>
    </message>
    <message>
        <source>Replace the printed recovery shares with a new set (k of the current shares needed)</source>
        <translation>Sustituir los fragmentos de recuperación impresos por un juego nuevo (se necesitan k de los fragmentos actuales)</translation>
    </message>
    <message>
        <source>Nobody logs in: k of the current recovery shares open the recovery ring, which is sealed
again under a new recovery key split K of N. recovery.ccr and the database&apos;s record change
together (the new file is staged, the record committed, then the file renamed); the old
shares open nothing in this clinic afterwards. With --password-stdin, standard input holds
the current shares, one per line. One audit event, flagged for review.</source>
        <translation>Nadie inicia sesión: k de los fragmentos de recuperación actuales abren el anillo de recuperación, que se
sella de nuevo con una clave de recuperación nueva repartida K de N. recovery.ccr y el registro de la base de
datos cambian juntos (el archivo nuevo se prepara, el registro se confirma y luego se renombra el archivo); los
fragmentos antiguos ya no abren nada en esta clínica. Con --password-stdin, la entrada estándar contiene
los fragmentos actuales, uno por línea. Un evento de auditoría, marcado para revisión.</translation>
    </message>
    <message>
        <source>Anyone who kept a copy of the old recovery.ccr can still open it with the old shares: if a custodian left, rotate the keys too (`keys rotate`; docs/KEYS.md 8 says what that does and does not cut off).</source>
        <translation>Quien conserve una copia del recovery.ccr antiguo aún puede abrirla con los fragmentos antiguos: si un custodio se ha ido, rote también las claves (`keys rotate`; docs/KEYS.md 8 explica qué corta eso y qué no).</translation>
    </message>
    <message>
        <source>give every observation this numeric LOINC code of the units catalogue (default: a code drawn at random for each)</source>
        <translation>dar a cada observación este código LOINC numérico del catálogo de unidades (por omisión: un código elegido al azar para cada una)</translation>
    </message>
    <message>
        <source>note: a restore that was interrupted has been finished: the clinic now holds backup %1 (the previous clinic&apos;s files are in its pre-restore-%1 folder); log in with the backup&apos;s passwords</source>
        <translation>nota: se ha terminado una restauración que se interrumpió: la clínica contiene ahora la copia de seguridad %1 (los archivos de la clínica anterior están en su carpeta pre-restore-%1); inicie sesión con las contraseñas de la copia</translation>
    </message>
    <message>
        <source>note: a restore that was interrupted before it replaced any file has been abandoned: the clinic is as it was</source>
        <translation>nota: se ha abandonado una restauración que se interrumpió antes de sustituir ningún archivo: la clínica está como estaba</translation>
    </message>
    <message>
        <source>note: a restore was interrupted, but the record of whether it was finished (restore.settled) is damaged: compare the clinic with its pre-restore folders and the audit trail</source>
        <translation>nota: una restauración se interrumpió, pero el registro de si se terminó (restore.settled) está dañado: compare la clínica con sus carpetas pre-restore y el registro de auditoría</translation>
    </message>
    <message>
        <source>clinic.db rewritten at %1-byte pages (was %2); rows, key and audit trail unchanged</source>
        <translation>clinic.db reescrita con páginas de %1 bytes (antes %2); filas, clave y registro de auditoría sin cambios</translation>
    </message>
    <message>
        <source>clinic.db already uses %1-byte pages: nothing to do</source>
        <translation>clinic.db ya usa páginas de %1 bytes: nada que hacer</translation>
    </message>
    <message>
        <source>Rewrite the clinic database at the current page size (32 KB; clinics created before 2026-12-07 have 4 KB pages): faster reports and verification; audited</source>
        <translation>Reescribir la base de datos de la clínica con el tamaño de página actual (32 KB; las clínicas creadas antes del 2026-12-07 tienen páginas de 4 KB): informes y verificación más rápidos; auditado</translation>
    </message>
    <message>
        <source>
An administrator. The database is copied, the copy checked, then moved into place atomically: it needs as much free space as clinic.db, and reads and writes the whole file once (minutes for several GB). Interrupted, the clinic keeps its old file.</source>
        <translation>
Un administrador. La base de datos se copia, se comprueba la copia y se coloca en su sitio de forma atómica: necesita tanto espacio libre como ocupa clinic.db, y lee y escribe el archivo entero una vez (minutos para varios GB). Si se interrumpe, la clínica conserva su archivo anterior.</translation>
    </message>
    <message>
        <source>What to do: close any other program that has this clinic open; if none has, check that its disk works (the system log names a failing device); then run the command again.
</source>
        <translation>Qué hacer: cierre cualquier otro programa que tenga abierta esta clínica; si ninguno la tiene, compruebe que su disco funciona (el registro del sistema nombra el dispositivo que falla); después ejecute de nuevo la orden.
</translation>
    </message>
</context>
<context>
    <name>ConditionDialog</name>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Code s&amp;ystem</source>
        <translation>Sis&amp;tema de códigos</translation>
    </message>
    <message>
        <source>ICD-10</source>
        <translation>ICD-10</translation>
    </message>
    <message>
        <source>ICD-10-CM</source>
        <translation>ICD-10-CM</translation>
    </message>
    <message>
        <source>SNOMED CT</source>
        <translation>SNOMED CT</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Código</translation>
    </message>
    <message>
        <source>e.g. E11.9</source>
        <translation>p. ej. E11.9</translation>
    </message>
    <message>
        <source>&amp;Problem</source>
        <translation>&amp;Problema</translation>
    </message>
    <message>
        <source>e.g. Type 2 diabetes mellitus</source>
        <translation>p. ej. Diabetes mellitus tipo 2</translation>
    </message>
    <message>
        <source>&amp;Onset</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>&amp;Resolved</source>
        <translation>&amp;Resuelto</translation>
    </message>
    <message>
        <source>resolved on</source>
        <translation>resuelto el</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>&amp;Estado</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>recurrence</source>
        <translation>recurrence</translation>
    </message>
    <message>
        <source>relapse</source>
        <translation>relapse</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>remission</source>
        <translation>remission</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resolved</translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation>color: #b00020;</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>score</source>
        <translation>puntuación</translation>
    </message>
    <message>
        <source>count</source>
        <translation>recuento</translation>
    </message>
    <message>
        <source>years</source>
        <translation>años</translation>
    </message>
    <message>
        <source>months</source>
        <translation>meses</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>semanas</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>horas</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>/min</source>
        <translation>/min</translation>
    </message>
    <message>
        <source>copies/mL</source>
        <translation>copias/mL</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>female</source>
        <translation>mujer</translation>
    </message>
    <message>
        <source>male</source>
        <translation>hombre</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otro</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>%1 — MRN %2</source>
        <translation>%1 — NHC %2</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Hallazgo</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Antecedentes</translation>
    </message>
    <message>
        <source>Social / administrative</source>
        <translation>Social / administrativo</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Estatura</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Body mass index (BMI)</source>
        <translation>Índice de masa corporal (IMC)</translation>
    </message>
    <message>
        <source>Blood pressure, upper number (systolic)</source>
        <translation>Tensión arterial, cifra alta (sistólica)</translation>
    </message>
    <message>
        <source>Blood pressure, lower number (diastolic)</source>
        <translation>Tensión arterial, cifra baja (diastólica)</translation>
    </message>
    <message>
        <source>Pulse (heart rate)</source>
        <translation>Pulso (frecuencia cardiaca)</translation>
    </message>
    <message>
        <source>Breathing rate</source>
        <translation>Frecuencia respiratoria</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatura</translation>
    </message>
    <message>
        <source>Oxygen level in the blood</source>
        <translation>Nivel de oxígeno en la sangre</translation>
    </message>
    <message>
        <source>Pain score (0 to 10)</source>
        <translation>Intensidad del dolor (0 a 10)</translation>
    </message>
    <message>
        <source>Blood sugar (glucose)</source>
        <translation>Azúcar en sangre (glucosa)</translation>
    </message>
    <message>
        <source>Blood sugar before eating (fasting glucose)</source>
        <translation>Azúcar en sangre en ayunas (glucosa basal)</translation>
    </message>
    <message>
        <source>Average blood sugar over about 3 months (HbA1c)</source>
        <translation>Azúcar medio en sangre de unos 3 meses (HbA1c)</translation>
    </message>
    <message>
        <source>Cholesterol, total</source>
        <translation>Colesterol total</translation>
    </message>
    <message>
        <source>&quot;Good&quot; cholesterol (HDL)</source>
        <translation>Colesterol «bueno» (HDL)</translation>
    </message>
    <message>
        <source>&quot;Bad&quot; cholesterol (LDL)</source>
        <translation>Colesterol «malo» (LDL)</translation>
    </message>
    <message>
        <source>Blood fats (triglycerides)</source>
        <translation>Grasas en sangre (triglicéridos)</translation>
    </message>
    <message>
        <source>Kidney waste product (urea nitrogen)</source>
        <translation>Producto de desecho renal (nitrógeno ureico)</translation>
    </message>
    <message>
        <source>Kidney test (creatinine)</source>
        <translation>Prueba renal (creatinina)</translation>
    </message>
    <message>
        <source>Kidney function (eGFR)</source>
        <translation>Función renal (FGe)</translation>
    </message>
    <message>
        <source>Sodium (salt balance)</source>
        <translation>Sodio (equilibrio de sales)</translation>
    </message>
    <message>
        <source>Potassium</source>
        <translation>Potasio</translation>
    </message>
    <message>
        <source>Calcium</source>
        <translation>Calcio</translation>
    </message>
    <message>
        <source>Hemoglobin (carries oxygen in the blood)</source>
        <translation>Hemoglobina (transporta el oxígeno en la sangre)</translation>
    </message>
    <message>
        <source>White blood cells</source>
        <translation>Glóbulos blancos</translation>
    </message>
    <message>
        <source>Red blood cells</source>
        <translation>Glóbulos rojos</translation>
    </message>
    <message>
        <source>Platelets (help blood clot)</source>
        <translation>Plaquetas (ayudan a coagular la sangre)</translation>
    </message>
    <message>
        <source>Liver test (ALT)</source>
        <translation>Prueba hepática (ALT)</translation>
    </message>
    <message>
        <source>Liver test (AST)</source>
        <translation>Prueba hepática (AST)</translation>
    </message>
    <message>
        <source>Bilirubin (liver)</source>
        <translation>Bilirrubina (hígado)</translation>
    </message>
    <message>
        <source>Thyroid test (TSH)</source>
        <translation>Prueba de tiroides (TSH)</translation>
    </message>
    <message>
        <source>Blood clotting test (INR)</source>
        <translation>Prueba de coagulación (INR)</translation>
    </message>
    <message>
        <source>Inflammation test (CRP)</source>
        <translation>Prueba de inflamación (PCR)</translation>
    </message>
    <message>
        <source>Iron stores (ferritin)</source>
        <translation>Reservas de hierro (ferritina)</translation>
    </message>
    <message>
        <source>Protein in urine (albumin to creatinine ratio)</source>
        <translation>Proteína en la orina (cociente albúmina/creatinina)</translation>
    </message>
    <message>
        <source>HIV viral load</source>
        <translation>Carga viral del VIH</translation>
    </message>
    <message>
        <source>CD4 cells (immune system)</source>
        <translation>Células CD4 (sistema inmunitario)</translation>
    </message>
</context>
<context>
    <name>DoctorWindow</name>
    <message>
        <source>CipherChart</source>
        <translation>CipherChart</translation>
    </message>
    <message>
        <source>Search name or MRN</source>
        <translation>Buscar por nombre o NHC</translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation>color: #b00020;</translation>
    </message>
    <message>
        <source>Open a patient from the list (double-click or Enter).</source>
        <translation>Abra un paciente de la lista (doble clic o Intro).</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>&amp;Refresh list</source>
        <translation>&amp;Actualizar lista</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>Import a Synthea folder, the ACTG 315 file or FHIR R4 JSON files (one transaction per file)</source>
        <translation>Importar una carpeta de Synthea, el archivo ACTG 315 o archivos JSON FHIR R4 (una transacción por archivo)</translation>
    </message>
    <message>
        <source>E&amp;xport record (FHIR)…</source>
        <translation>E&amp;xportar historia (FHIR)…</translation>
    </message>
    <message>
        <source>Save the open patient&apos;s whole record as a FHIR R4 Bundle (audited)</source>
        <translation>Guardar la historia completa del paciente abierto como un Bundle FHIR R4 (auditado)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation>&amp;Nuevo paciente…</translation>
    </message>
    <message>
        <source>Register a new patient (you join the care team)</source>
        <translation>Registrar un paciente nuevo (usted entra en su equipo asistencial)</translation>
    </message>
    <message>
        <source>Open by &amp;MRN / emergency access…</source>
        <translation>Abrir por &amp;NHC / acceso de emergencia…</translation>
    </message>
    <message>
        <source>Open a patient by MRN; emergency access (with a reason) only for a patient outside your care team</source>
        <translation>Abrir un paciente por NHC; acceso de emergencia (con un motivo) solo para un paciente fuera de su equipo asistencial</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>Patient: %1</source>
        <translation>Paciente: %1</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Descartar los cambios</translation>
    </message>
    <message>
        <source>Close without saving? What you typed is lost.</source>
        <translation>¿Cerrar sin guardar? Se perderá lo que ha escrito.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Wrong account name or password.</source>
        <translation>Nombre de cuenta o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>This account is locked after repeated failed logins. %1</source>
        <translation>Esta cuenta está bloqueada tras varios inicios de sesión fallidos. %1</translation>
    </message>
    <message>
        <source>This account is suspended after too many failed logins. Ask an administrator to unlock it.</source>
        <translation>Esta cuenta está suspendida tras demasiados inicios de sesión fallidos. Pida a un administrador que la desbloquee.</translation>
    </message>
    <message>
        <source>You are not allowed to do this: %1</source>
        <translation>No tiene permiso para hacer esto: %1</translation>
    </message>
    <message>
        <source>The session is locked. Enter your password to continue.</source>
        <translation>La sesión está bloqueada. Escriba su contraseña para continuar.</translation>
    </message>
    <message>
        <source>The session has ended (12 hours). Please log in again.</source>
        <translation>La sesión ha terminado (12 horas). Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>An integrity check failed (%1). Stop and contact your administrator.</source>
        <translation>Ha fallado una comprobación de integridad (%1). Deténgase y avise a su administrador.</translation>
    </message>
    <message>
        <source>The clinic&apos;s files do not belong together (%1). Contact your administrator.</source>
        <translation>Los archivos de la clínica no se corresponden entre sí (%1). Avise a su administrador.</translation>
    </message>
    <message>
        <source>The clinic is open in another CipherChart window.</source>
        <translation>La clínica está abierta en otra ventana de CipherChart.</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>No encontrado: %1</translation>
    </message>
    <message>
        <source>Already exists: %1</source>
        <translation>Ya existe: %1</translation>
    </message>
    <message>
        <source>Please check your input: %1</source>
        <translation>Revise los datos introducidos: %1</translation>
    </message>
    <message>
        <source>A file is damaged: %1</source>
        <translation>Un archivo está dañado: %1</translation>
    </message>
    <message>
        <source>Not supported by this version: %1</source>
        <translation>No compatible con esta versión: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>An internal error occurred (%1): %2</source>
        <translation>Se ha producido un error interno (%1): %2</translation>
    </message>
    <message>
        <source>The disk is full: %1. Free space on that disk, then try again.</source>
        <translation>El disco está lleno: %1. Libere espacio en ese disco y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The storage is read-only: %1. Make it writable (or copy the clinic folder to writable storage), then try again.</source>
        <translation>El almacenamiento es de solo lectura: %1. Permita la escritura en él (o copie la carpeta de la clínica a un almacenamiento con escritura) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The clinic&apos;s files could not be read or written: %1. Check that the disk works (the system log names a failing device), then try again.</source>
        <translation>No se pudieron leer o escribir los archivos de la clínica: %1. Compruebe que el disco funciona (el registro del sistema nombra el dispositivo que falla) y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>FhirExport</name>
    <message>
        <source>Export record as FHIR</source>
        <translation>Exportar historia como FHIR</translation>
    </message>
    <message>
        <source>FHIR JSON (*.json)</source>
        <translation>JSON FHIR (*.json)</translation>
    </message>
    <message>
        <source>The file %1 could not be written: %2</source>
        <translation>No se ha podido escribir el archivo %1: %2</translation>
    </message>
    <message>
        <source>%1 (%2 MiB)</source>
        <translation>%1 (%2 MiB)</translation>
    </message>
    <message>
        <source>The record was saved. Attachments up to %1 MiB are inside the file; these are larger and are only described there, save them from the attachments list:
%2</source>
        <translation>Se guardó la historia. Los adjuntos de hasta %1 MiB van dentro del archivo; estos son mayores y solo se describen en él; guárdelos desde la lista de adjuntos:
%2</translation>
    </message>
</context>
<context>
    <name>ImageViewerDialog</name>
    <message>
        <source>Attachment</source>
        <translation>Adjunto</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>&amp;Ajustar a la ventana</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import clinical records</source>
        <translation>Importar historias clínicas</translation>
    </message>
    <message>
        <source>Each file (or Synthea folder) is imported in one transaction: if anything in it is refused, nothing of it is kept. Several FHIR files are separated by semicolons. You join the care team of every patient created.</source>
        <translation>Cada archivo (o carpeta de Synthea) se importa en una sola transacción: si se rechaza algo de él, no se conserva nada de él. Varios archivos FHIR se separan con punto y coma. Usted pasa a formar parte del equipo asistencial de cada paciente creado.</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Origen:</translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation>&amp;Ruta:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Skipped items (valid input that was not imported, with the reason):</source>
        <translation>Elementos omitidos (datos válidos que no se importaron, con el motivo):</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation>&amp;Cancelar importación</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>C&amp;errar</translation>
    </message>
    <message>
        <source>&amp;Mapping:</source>
        <translation>&amp;Correspondencia:</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>&amp;Vista previa</translation>
    </message>
</context>
<context>
    <name>KeyStatusView</name>
    <message>
        <source>&lt;b&gt;Keys&lt;/b&gt;</source>
        <translation>&lt;b&gt;Claves&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Public facts about each clinic key: its id, version, age and which accounts hold it in their key slot. Keys themselves are never shown.</source>
        <translation>Datos públicos de cada clave de la clínica: su id, versión, antigüedad y qué cuentas la tienen en su ranura de claves. Las claves en sí nunca se muestran.</translation>
    </message>
    <message>
        <source>color: #555555;</source>
        <translation>color: #555555;</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>&amp;Lock idle sessions after:</source>
        <translation>&amp;Bloquear las sesiones inactivas tras:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Aplicar</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Act&amp;ualizar</translation>
    </message>
    <message>
        <source>R&amp;otate a key…</source>
        <translation>R&amp;otar una clave…</translation>
    </message>
    <message>
        <source>Rotate a key</source>
        <translation>Rotar una clave</translation>
    </message>
    <message>
        <source>Report-key custody</source>
        <translation>Custodia de la clave de informes</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>CipherChart — Locked</source>
        <translation>CipherChart — Bloqueado</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;font-size:18pt; font-weight:600;&quot;&gt;Session locked&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;font-size:18pt; font-weight:600;&quot;&gt;Sesión bloqueada&lt;/span&gt;</translation>
    </message>
    <message>
        <source>The session is locked.</source>
        <translation>La sesión está bloqueada.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation>color: #b00020;</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Des&amp;bloquear</translation>
    </message>
    <message>
        <source>The keys were wiped from memory and patient data was cleared from the screen. Wrong passwords count towards the login limit.</source>
        <translation>Las claves se han borrado de la memoria y los datos de los pacientes se han quitado de la pantalla. Las contraseñas incorrectas cuentan para el límite de inicios de sesión.</translation>
    </message>
    <message>
        <source>color: #555555; font-size: 9pt;</source>
        <translation>color: #555555; font-size: 9pt;</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>CipherChart — Log in</source>
        <translation>CipherChart — Iniciar sesión</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;font-size:20pt; font-weight:600;&quot;&gt;CipherChart&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;font-size:20pt; font-weight:600;&quot;&gt;CipherChart&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Cuenta:</translation>
    </message>
    <message>
        <source>account name</source>
        <translation>nombre de la cuenta</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation>color: #b00020;</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>Patient data on this workstation is encrypted. Every access is recorded.</source>
        <translation>Los datos de los pacientes en este puesto están cifrados. Cada acceso queda registrado.</translation>
    </message>
    <message>
        <source>color: #555555; font-size: 9pt;</source>
        <translation>color: #555555; font-size: 9pt;</translation>
    </message>
    <message>
        <source>Passwords lost? &amp;Recover access with the printed shares…</source>
        <translation>¿Contraseñas perdidas? &amp;Recuperar el acceso con las partes impresas…</translation>
    </message>
    <message>
        <source>Custodians of the recovery shares type k of them to give an account a temporary password, or to replace the printed set</source>
        <translation>Los custodios de las partes de recuperación escriben k de ellas para dar a una cuenta una contraseña temporal, o para sustituir el juego impreso</translation>
    </message>
</context>
<context>
    <name>MedicationDialog</name>
    <message>
        <source>Medication</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>RxNorm &amp;code</source>
        <translation>&amp;Código RxNorm</translation>
    </message>
    <message>
        <source>RXCUI, e.g. 860975</source>
        <translation>RXCUI, p. ej. 860975</translation>
    </message>
    <message>
        <source>&amp;Medication</source>
        <translation>&amp;Medicamento</translation>
    </message>
    <message>
        <source>e.g. Metformin 500 MG Oral Tablet</source>
        <translation>p. ej. Metformin 500 MG Oral Tablet</translation>
    </message>
    <message>
        <source>&amp;Started</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>Sto&amp;pped</source>
        <translation>&amp;Fin</translation>
    </message>
    <message>
        <source>stopped on</source>
        <translation>suspendido el</translation>
    </message>
    <message>
        <source>&amp;Dosage</source>
        <translation>&amp;Posología</translation>
    </message>
    <message>
        <source>e.g. 500 mg twice a day</source>
        <translation>p. ej. 500 mg dos veces al día</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>&amp;Estado</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>on-hold</source>
        <translation>on-hold</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>entered-in-error</source>
        <translation>entered-in-error</translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation>color: #b00020;</translation>
    </message>
</context>
<context>
    <name>NewPatientDialog</name>
    <message>
        <source>New patient</source>
        <translation>Nuevo paciente</translation>
    </message>
    <message>
        <source>&amp;MRN:</source>
        <translation>&amp;NHC:</translation>
    </message>
    <message>
        <source>Typed, or generated</source>
        <translation>Escrito o generado</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generar</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>No&amp;mbre:</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>&amp;Apellidos:</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>Fecha de &amp;nacimiento:</translation>
    </message>
    <message>
        <source>&amp;Sex:</source>
        <translation>&amp;Sexo:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Localidad:</translation>
    </message>
    <message>
        <source>P&amp;ostal code:</source>
        <translation>Código p&amp;ostal:</translation>
    </message>
    <message>
        <source>background: #fff3cd; color: #5c4400; padding: 4px;</source>
        <translation>background: #fff3cd; color: #5c4400; padding: 4px;</translation>
    </message>
    <message>
        <source>This is a different person: register anyway</source>
        <translation>Es otra persona: registrar de todos modos</translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation>color: #b00020;</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Clinical note</source>
        <translation>Nota clínica</translation>
    </message>
    <message>
        <source>&amp;Title (optional):</source>
        <translation>&amp;Título (opcional):</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>&amp;Shared with the patient (shown in the patient portal)</source>
        <translation>&amp;Compartida con el paciente (visible en el portal del paciente)</translation>
    </message>
    <message>
        <source>Unshared notes are encrypted under a key that no patient account holds.</source>
        <translation>Las notas no compartidas se cifran con una clave que ninguna cuenta de paciente tiene.</translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation>color: #b00020;</translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message>
        <source>&amp;New note…</source>
        <translation>&amp;Nueva nota…</translation>
    </message>
    <message>
        <source>&amp;Amend…</source>
        <translation>&amp;Corregir…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation>color: #b00020;</translation>
    </message>
    <message>
        <source>Select a note to read it.</source>
        <translation>Seleccione una nota para leerla.</translation>
    </message>
</context>
<context>
    <name>ObservationsPage</name>
    <message>
        <source>Observation codes recorded for this patient</source>
        <translation>Códigos de observación registrados para este paciente</translation>
    </message>
    <message>
        <source>Select an observation on the left.</source>
        <translation>Seleccione una observación a la izquierda.</translation>
    </message>
    <message>
        <source>font-weight: 600;</source>
        <translation>font-weight: 600;</translation>
    </message>
    <message>
        <source>&amp;Edit selected…</source>
        <translation>&amp;Editar la seleccionada…</translation>
    </message>
    <message>
        <source>Load the selected numeric observation into the form below</source>
        <translation>Cargar la observación numérica seleccionada en el formulario de abajo</translation>
    </message>
    <message>
        <source>&amp;Delete selected</source>
        <translation>E&amp;liminar la seleccionada</translation>
    </message>
    <message>
        <source>New numeric observation</source>
        <translation>Nueva observación numérica</translation>
    </message>
    <message>
        <source>Observation:</source>
        <translation>Observación:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Valor:</translation>
    </message>
    <message>
        <source>e.g. 120</source>
        <translation>p. ej. 120</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>&amp;Cancel edit</source>
        <translation>&amp;Cancelar edición</translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation>color: #b00020;</translation>
    </message>
</context>
<context>
    <name>PatientWindow</name>
    <message>
        <source>CipherChart — My record</source>
        <translation>CipherChart — Mi historia</translation>
    </message>
    <message>
        <source>&amp;Download my record (FHIR)…</source>
        <translation>&amp;Descargar mi historia (FHIR)…</translation>
    </message>
    <message>
        <source>Save your whole record as a FHIR R4 file, the standard format other clinics and apps read</source>
        <translation>Guardar su historia completa como archivo FHIR R4, el formato estándar que leen otras clínicas y aplicaciones</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation>color: #b00020;</translation>
    </message>
    <message>
        <source>&amp;Research use</source>
        <translation>Uso en &amp;investigación</translation>
    </message>
    <message>
        <source>The clinic may compute statistics for research (for example the average blood pressure of patients aged 40 to 49) over encrypted values, so that whoever runs a report sees neither your name nor any single value of yours. You may take your data out of these statistics at any time: it takes effect at once, for every report run afterwards. Your care is not affected either way.</source>
        <translation>La clínica puede calcular estadísticas para investigación (por ejemplo, la presión arterial media de los pacientes de 40 a 49 años) sobre valores cifrados, de modo que quien ejecuta un informe no ve ni su nombre ni ninguno de sus valores. Puede retirar sus datos de estas estadísticas en cualquier momento: surte efecto de inmediato, para cada informe que se ejecute después. Su atención no se ve afectada en ningún caso.</translation>
    </message>
    <message>
        <source>&amp;Include my coded data in the clinic&apos;s anonymous research statistics</source>
        <translation>&amp;Incluir mis datos codificados en las estadísticas anónimas de investigación de la clínica</translation>
    </message>
    <message>
        <source>&amp;Who opened my record</source>
        <translation>&amp;Quién abrió mi historia</translation>
    </message>
    <message>
        <source>Every time someone opens or changes your record it is written to the clinic&apos;s audit trail. Emergency access by a doctor outside your care team is reviewed by an administrator.</source>
        <translation>Cada vez que alguien abre o modifica su historia queda escrito en el registro de auditoría de la clínica. Un administrador revisa los accesos de emergencia de médicos ajenos a su equipo asistencial.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Opening the demo clinic…</source>
        <translation>Abriendo la clínica de demostración…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>CipherChart — Demo Clinic</source>
        <translation>CipherChart — Clínica de demostración</translation>
    </message>
    <message>
        <source>Creating the demo clinic: generating the report key…</source>
        <translation>Creando la clínica de demostración: generando la clave de informes…</translation>
    </message>
    <message>
        <source>Creating the demo clinic: importing the sample patients…</source>
        <translation>Creando la clínica de demostración: importando los pacientes de ejemplo…</translation>
    </message>
    <message>
        <source>CipherChart clinic workstation</source>
        <translation>Puesto clínico de CipherChart</translation>
    </message>
    <message>
        <source>The clinic folder to open.</source>
        <translation>La carpeta de la clínica que se abrirá.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Open the demo clinic (synthetic Synthea patients, public demo passwords), creating it the first time.</source>
        <translation>Abrir la clínica de demostración (pacientes sintéticos de Synthea, contraseñas de demostración públicas), creándola la primera vez.</translation>
    </message>
    <message>
        <source>CipherChart</source>
        <translation>CipherChart</translation>
    </message>
    <message>
        <source>The cryptographic self-test failed. CipherChart will not start.

%1</source>
        <translation>La autoprueba criptográfica ha fallado. CipherChart no se iniciará.

%1</translation>
    </message>
    <message>
        <source>The demo clinic cannot be opened.

%1</source>
        <translation>No se puede abrir la clínica de demostración.

%1</translation>
    </message>
    <message>
        <source>The clinic cannot be opened.

%1</source>
        <translation>No se puede abrir la clínica.

%1</translation>
    </message>
    <message>
        <source>Before the login window: restore access with the recovery shares when passwords are lost.</source>
        <translation>Antes de la ventana de inicio de sesión: recuperar el acceso con las partes de recuperación cuando se han perdido las contraseñas.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>A report file (.ccrep) or backup (.ccbk) to open after an administrator&apos;s login; without --clinic, in the clinic opened last.</source>
        <translation>Un archivo de informe (.ccrep) o copia de seguridad (.ccbk) que se abre tras el inicio de sesión de un administrador; sin --clinic, en la última clínica abierta.</translation>
    </message>
    <message>
        <source>[FILE]</source>
        <translation>[ARCHIVO]</translation>
    </message>
    <message>
        <source>Give one file to open.</source>
        <translation>Indique un solo archivo que abrir.</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>El archivo %1 no existe.</translation>
    </message>
    <message>
        <source>%1 belongs to a clinic, and no clinic has been opened on this computer yet. Open it with: cipherchart --clinic DIR &quot;%1&quot;</source>
        <translation>%1 pertenece a una clínica y en este ordenador aún no se ha abierto ninguna. Ábralo con: cipherchart --clinic DIR &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The recovery ring %1 cannot be read.

%2</source>
        <translation>No se puede leer el anillo de recuperación %1.

%2</translation>
    </message>
    <message>
        <source>A restore that was interrupted has been finished: the clinic now holds backup %1. The previous clinic&apos;s files are in its pre-restore-%1 folder. Log in with the backup&apos;s passwords.</source>
        <translation>Se ha terminado una restauración que se interrumpió: la clínica contiene ahora la copia de seguridad %1. Los archivos de la clínica anterior están en su carpeta pre-restore-%1. Inicie sesión con las contraseñas de la copia.</translation>
    </message>
    <message>
        <source>A restore that was interrupted before it replaced any file has been abandoned: the clinic is as it was.</source>
        <translation>Se ha abandonado una restauración que se interrumpió antes de sustituir ningún archivo: la clínica está como estaba.</translation>
    </message>
    <message>
        <source>A restore was interrupted, but the record of whether it was finished is damaged. Compare the clinic with its pre-restore folders and the audit trail.</source>
        <translation>Una restauración se interrumpió, pero el registro de si se terminó está dañado. Compare la clínica con sus carpetas pre-restore y el registro de auditoría.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover access with the recovery shares</source>
        <translation>Recuperar el acceso con las partes de recuperación</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Cuenta:</translation>
    </message>
    <message>
        <source>an administrator or doctor, or a new administrator&apos;s name</source>
        <translation>un administrador o médico, o el nombre de un administrador nuevo</translation>
    </message>
    <message>
        <source>Recovery shares (each is checked as it is typed)</source>
        <translation>Partes de recuperación (cada una se comprueba al escribirla)</translation>
    </message>
    <message>
        <source>&amp;Temporary password:</source>
        <translation>Contraseña &amp;temporal:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Repetir:</translation>
    </message>
    <message>
        <source>What the shares are for</source>
        <translation>Para qué son los fragmentos</translation>
    </message>
    <message>
        <source>Restore an &amp;account whose password is lost</source>
        <translation>Restaurar una &amp;cuenta cuya contraseña se perdió</translation>
    </message>
    <message>
        <source>Replace the printed shares with a &amp;new set (a custodian left, a share was lost)</source>
        <translation>Sustituir los fragmentos impresos por un juego &amp;nuevo (un custodio se fue, se perdió un fragmento)</translation>
    </message>
    <message>
        <source>Re-issue requested &amp;by:</source>
        <translation>Nueva emisión pedida &amp;por:</translation>
    </message>
    <message>
        <source>your name, recorded in the audit trail</source>
        <translation>su nombre, registrado en la auditoría</translation>
    </message>
    <message>
        <source>New &amp;set:</source>
        <translation>&amp;Juego nuevo:</translation>
    </message>
    <message>
        <source>Shares needed to restore the clinic</source>
        <translation>Fragmentos necesarios para restaurar la clínica</translation>
    </message>
    <message>
        <source>of</source>
        <translation>de</translation>
    </message>
    <message>
        <source>Shares to print, one per custodian</source>
        <translation>Fragmentos a imprimir, uno por custodio</translation>
    </message>
    <message>
        <source>shares restore the clinic (one per custodian)</source>
        <translation>fragmentos restauran la clínica (uno por custodio)</translation>
    </message>
    <message>
        <source>The new recovery shares</source>
        <translation>Los fragmentos de recuperación nuevos</translation>
    </message>
    <message>
        <source>Save &amp;printable pages (PDF)…</source>
        <translation>Guardar páginas &amp;imprimibles (PDF)…</translation>
    </message>
    <message>
        <source>The custodians of the printed recovery shares type their shares here. Together they open the clinic&apos;s sealed recovery ring. Then either the account named below gets a new key slot with a temporary password, to be changed at its first login (when passwords are lost; a report-key custodian&apos;s account cannot be recovered this way, as the shares of the report key are not in the recovery ring: name a new administrator instead), or the shares are replaced by a new set. Either is recorded in the audit trail, flagged for review.</source>
        <translation>Los custodios de los fragmentos de recuperación impresos escriben aquí sus fragmentos. Juntos abren el anillo de recuperación sellado de la clínica. Después, o bien la cuenta indicada abajo recibe una nueva ranura de claves con una contraseña temporal, que se cambia en su primer inicio de sesión (cuando se han perdido las contraseñas; la cuenta de un custodio de la clave de informes no se puede recuperar así, porque los fragmentos de la clave de informes no están en el anillo de recuperación: indique un administrador nuevo), o bien los fragmentos se sustituyen por un juego nuevo. Ambas cosas quedan en el registro de auditoría, marcadas para revisión.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review flagged events</source>
        <translation>Revisar los eventos marcados</translation>
    </message>
    <message>
        <source>Emergency accesses, refusals and recoveries wait here until an administrator has looked at each. Select an event, say what you found (for example &quot;confirmed with Dr Grey: patient in A&amp;E&quot;) and mark it reviewed. The review is itself recorded in the audit trail and cannot be changed afterwards.</source>
        <translation>Los accesos de emergencia, los rechazos y las recuperaciones esperan aquí hasta que un administrador revise cada uno. Seleccione un evento, indique lo que ha encontrado (por ejemplo «confirmado con la Dra. Grey: paciente en Urgencias») y márquelo como revisado. La revisión queda a su vez en el registro de auditoría y no puede cambiarse después.</translation>
    </message>
    <message>
        <source>Show &amp;waiting events only</source>
        <translation>Mostrar solo los eventos &amp;pendientes</translation>
    </message>
    <message>
        <source>Events for review</source>
        <translation>Eventos para revisar</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Comentario:</translation>
    </message>
    <message>
        <source>what you checked and found</source>
        <translation>lo que ha comprobado y encontrado</translation>
    </message>
    <message>
        <source>&amp;Mark reviewed</source>
        <translation>&amp;Marcar como revisado</translation>
    </message>
</context>
<context>
    <name>RoleText</name>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Médico</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
</context>
<context>
    <name>RotateKeyDialog</name>
    <message>
        <source>Rotate a key</source>
        <translation>Rotar una clave</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Clave:</translation>
    </message>
    <message>
        <source>Key to rotate</source>
        <translation>Clave que rotar</translation>
    </message>
    <message>
        <source>What the rotation will do</source>
        <translation>Lo que hará la rotación</translation>
    </message>
    <message>
        <source>Sponsoring doctor (administrators never hold the clinical key)</source>
        <translation>Médico avalista (los administradores nunca tienen la clave clínica)</translation>
    </message>
    <message>
        <source>&amp;Doctor:</source>
        <translation>&amp;Médico:</translation>
    </message>
    <message>
        <source>Doctor&apos;s &amp;password:</source>
        <translation>&amp;Contraseña del médico:</translation>
    </message>
    <message>
        <source>I understand that my &amp;session ends after the rotation and I log in again</source>
        <translation>Entiendo que mi &amp;sesión termina tras la rotación y que vuelvo a iniciar sesión</translation>
    </message>
</context>
<context>
    <name>SessionWindow</name>
    <message>
        <source>CipherChart</source>
        <translation>CipherChart</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>font-size: 14pt; font-weight: 600;</source>
        <translation>font-size: 14pt; font-weight: 600;</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>The chart views (patients, problems, medications, observations, notes) are not built yet: they arrive with the clinical records. Nothing is shown here until then.</source>
        <translation>Las vistas de la historia (pacientes, problemas, medicación, observaciones, notas) aún no existen: llegarán con las historias clínicas. Hasta entonces aquí no se muestra nada.</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
</context>
<context>
    <name>cc::ui::AccessHistoryModel</name>
    <message>
        <source>doctor</source>
        <translation>médico</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>you</source>
        <translation>usted</translation>
    </message>
    <message>
        <source>system</source>
        <translation>sistema</translation>
    </message>
    <message>
        <source>Emergency access, reviewed by an administrator: %1</source>
        <translation>Acceso de emergencia, revisado por un administrador: %1</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>printed your record</source>
        <translation>imprimió su historia</translation>
    </message>
    <message>
        <source>exported your record</source>
        <translation>exportó su historia</translation>
    </message>
    <message>
        <source>opened your record in an emergency</source>
        <translation>abrió su historia en una urgencia</translation>
    </message>
    <message>
        <source>a result</source>
        <translation>un resultado</translation>
    </message>
    <message>
        <source>a note</source>
        <translation>una nota</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>un archivo</translation>
    </message>
    <message>
        <source>a health problem</source>
        <translation>un problema de salud</translation>
    </message>
    <message>
        <source>a medication</source>
        <translation>un medicamento</translation>
    </message>
    <message>
        <source>an allergy</source>
        <translation>una alergia</translation>
    </message>
    <message>
        <source>your research choice</source>
        <translation>su decisión sobre la investigación</translation>
    </message>
    <message>
        <source>tried to read your notes</source>
        <translation>intentó leer sus notas</translation>
    </message>
    <message>
        <source>read your notes</source>
        <translation>leyó sus notas</translation>
    </message>
    <message>
        <source>tried to look at your files</source>
        <translation>intentó ver sus archivos</translation>
    </message>
    <message>
        <source>looked at your files</source>
        <translation>vio sus archivos</translation>
    </message>
    <message>
        <source>tried to look at your results</source>
        <translation>intentó ver sus resultados</translation>
    </message>
    <message>
        <source>looked at your results</source>
        <translation>vio sus resultados</translation>
    </message>
    <message>
        <source>tried to open your record</source>
        <translation>intentó abrir su historia</translation>
    </message>
    <message>
        <source>opened your record</source>
        <translation>abrió su historia</translation>
    </message>
    <message>
        <source>registered you as a patient</source>
        <translation>le registró como paciente</translation>
    </message>
    <message>
        <source>set up your account</source>
        <translation>creó su cuenta</translation>
    </message>
    <message>
        <source>tried to add %1</source>
        <translation>intentó añadir %1</translation>
    </message>
    <message>
        <source>to your record</source>
        <translation>a su historia</translation>
    </message>
    <message>
        <source>added %1</source>
        <translation>añadió %1</translation>
    </message>
    <message>
        <source>changed your research choice</source>
        <translation>cambió su decisión sobre la investigación</translation>
    </message>
    <message>
        <source>tried to change %1</source>
        <translation>intentó cambiar %1</translation>
    </message>
    <message>
        <source>your record</source>
        <translation>su historia</translation>
    </message>
    <message>
        <source>changed %1</source>
        <translation>cambió %1</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>eliminó %1</translation>
    </message>
    <message>
        <source>something from your record</source>
        <translation>algo de su historia</translation>
    </message>
    <message>
        <source>worked on your record</source>
        <translation>trabajó en su historia</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 (%2) %3</source>
        <translation>%1 (%2) %3</translation>
    </message>
</context>
<context>
    <name>cc::ui::AccountDialog</name>
    <message>
        <source>Create account</source>
        <translation>Crear cuenta</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Crear</translation>
    </message>
    <message>
        <source>Enable account</source>
        <translation>Activar cuenta</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Activar</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation>&amp;Restablecer contraseña</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Cambiar rol</translation>
    </message>
    <message>
        <source>&amp;Change role</source>
        <translation>&amp;Cambiar rol</translation>
    </message>
    <message>
        <source>A new role means a new key slot: the account gets the new role&apos;s keys and a temporary password it must change at the next login.</source>
        <translation>Un rol nuevo supone una ranura de claves nueva: la cuenta recibe las claves del nuevo rol y una contraseña temporal que debe cambiar en el siguiente inicio de sesión.</translation>
    </message>
    <message>
        <source>Enter the account name.</source>
        <translation>Escriba el nombre de la cuenta.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>The temporary password needs at least %1 characters.</source>
        <translation>La contraseña temporal necesita al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>Patient record</source>
        <translation>Historia del paciente</translation>
    </message>
    <message>
        <source>name or MRN</source>
        <translation>nombre o NHC</translation>
    </message>
    <message>
        <source>Search the patient&apos;s record</source>
        <translation>Buscar la historia del paciente</translation>
    </message>
    <message>
        <source>F&amp;ind</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>Patient records found</source>
        <translation>Historias encontradas</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Paciente:</translation>
    </message>
    <message>
        <source>Type part of the patient&apos;s name or their MRN.</source>
        <translation>Escriba parte del nombre del paciente o su NHC.</translation>
    </message>
    <message>
        <source>%1, %2 — MRN %3 — born %4</source>
        <translation>%1, %2 — NHC %3 — nacido/a el %4</translation>
    </message>
    <message>
        <source>No patient record matches &quot;%1&quot;.</source>
        <translation>Ninguna historia coincide con «%1».</translation>
    </message>
    <message>
        <source>Find the patient&apos;s record and choose it in the list.</source>
        <translation>Busque la historia del paciente y elíjala en la lista.</translation>
    </message>
    <message>
        <source>A patient&apos;s own clinical key is wrapped under the clinical key that administrators do not hold. A doctor vouches by typing their own account name and password here.</source>
        <translation>La clave clínica propia del paciente está envuelta con la clave clínica que los administradores no tienen. Un médico la avala escribiendo aquí su propio nombre de cuenta y su contraseña.</translation>
    </message>
    <message>
        <source>A doctor account opens clinical keys that administrators do not hold. A doctor vouches for it by typing their own account name and password here.</source>
        <translation>Una cuenta de médico abre claves clínicas que los administradores no tienen. Un médico la avala escribiendo aquí su propio nombre de cuenta y su contraseña.</translation>
    </message>
</context>
<context>
    <name>cc::ui::AccountTableModel</name>
    <message>
        <source>disabled</source>
        <translation>desactivada</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>suspendida</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>bloqueada</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>debe cambiar la contraseña</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>report-key share</source>
        <translation>parte de la clave de informes</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>Custodio</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Inicios de sesión fallidos</translation>
    </message>
</context>
<context>
    <name>cc::ui::AccountsView</name>
    <message>
        <source>Done: %1. Hand the temporary password to the user in person.</source>
        <translation>Hecho: %1. Entregue la contraseña temporal al usuario en persona.</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>Desactivar cuenta</translation>
    </message>
    <message>
        <source>Account %1 unlocked.</source>
        <translation>Cuenta %1 desbloqueada.</translation>
    </message>
    <message>
        <source>This patient has no care team yet.</source>
        <translation>Este paciente aún no tiene equipo asistencial.</translation>
    </message>
    <message numerus="yes">
        <source>The care team has %n doctor(s).</source>
        <translation>
            <numerusform>El equipo asistencial tiene %n médico.</numerusform>
            <numerusform>El equipo asistencial tiene %n médicos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type part of the patient&apos;s name or their MRN.</source>
        <translation>Escriba parte del nombre del paciente o su NHC.</translation>
    </message>
    <message>
        <source>%1, %2 — MRN %3 — born %4</source>
        <translation>%1, %2 — NHC %3 — nacido/a el %4</translation>
    </message>
    <message>
        <source>No patient matches &quot;%1&quot;.</source>
        <translation>Ningún paciente coincide con «%1».</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) found: choose one in the list.</source>
        <translation>
            <numerusform>%n paciente encontrado: elíjalo en la lista.</numerusform>
            <numerusform>%n pacientes encontrados: elija uno en la lista.</numerusform>
        </translation>
    </message>
    <message>
        <source>Find and choose a patient first.</source>
        <translation>Busque y elija antes un paciente.</translation>
    </message>
    <message>
        <source>First-login slip</source>
        <translation>Hoja de primer acceso</translation>
    </message>
    <message>
        <source>Print a first-login slip for %1 %2 (MRN %3)? It names the account and explains the first login; the temporary password is written on it by hand, never printed.</source>
        <translation>¿Imprimir una hoja de primer acceso para %1 %2 (NHC %3)? Indica la cuenta y explica el primer acceso; la contraseña temporal se escribe a mano, nunca se imprime.</translation>
    </message>
    <message>
        <source>Save the first-login slip</source>
        <translation>Guardar la hoja de primer acceso</translation>
    </message>
    <message>
        <source>first-login-%1.pdf</source>
        <translation>primer-acceso-%1.pdf</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Your CipherChart account&lt;/h2&gt;&lt;p&gt;&lt;b&gt;Patient:&lt;/b&gt; %1 %2, born %3, MRN %4&lt;br&gt;&lt;b&gt;Clinic:&lt;/b&gt; %5&lt;br&gt;&lt;b&gt;Account name:&lt;/b&gt; %6&lt;/p&gt;&lt;p&gt;&lt;b&gt;Temporary password&lt;/b&gt; (written here by hand by the clinic): ______________________________&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Open CipherChart at the clinic&apos;s patient workstation and log in with the account name and the temporary password.&lt;/li&gt;&lt;li&gt;You are asked for a new password of at least %7 characters at once: choose one only you know.&lt;/li&gt;&lt;li&gt;You can then read your record, see who opened it, download it (FHIR) and choose whether it may be used for research.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Keep this slip private until you have changed the password, then destroy it. Nobody at the clinic will ask you for your password.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Su cuenta de CipherChart&lt;/h2&gt;&lt;p&gt;&lt;b&gt;Paciente:&lt;/b&gt; %1 %2, nacido/a el %3, NHC %4&lt;br&gt;&lt;b&gt;Clínica:&lt;/b&gt; %5&lt;br&gt;&lt;b&gt;Nombre de la cuenta:&lt;/b&gt; %6&lt;/p&gt;&lt;p&gt;&lt;b&gt;Contraseña temporal&lt;/b&gt; (la escribe aquí a mano la clínica): ______________________________&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Abra CipherChart en el puesto para pacientes de la clínica e inicie sesión con el nombre de la cuenta y la contraseña temporal.&lt;/li&gt;&lt;li&gt;Se le pedirá enseguida una contraseña nueva de al menos %7 caracteres: elija una que solo usted conozca.&lt;/li&gt;&lt;li&gt;Después podrá leer su historia, ver quién la abrió, descargarla (FHIR) y decidir si puede usarse para investigación.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Guarde esta hoja en privado hasta que haya cambiado la contraseña y destrúyala después. Nadie de la clínica le pedirá su contraseña.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — account %2</source>
        <translation>%1 — cuenta %2</translation>
    </message>
    <message>
        <source>First-login slip saved as %1.</source>
        <translation>Hoja de primer acceso guardada como %1.</translation>
    </message>
    <message>
        <source>The clinical category key is rotated by the next doctor who logs in (Home shows it as pending until then): administrators never hold it.</source>
        <translation>La clave de la categoría clínica la rota el próximo médico que inicie sesión (Inicio la muestra como pendiente hasta entonces): los administradores nunca la tienen.</translation>
    </message>
    <message>
        <source>Disable the account %1? Its key slot is deleted: it can no longer log in until an administrator enables it again.</source>
        <translation>¿Desactivar la cuenta %1? Se borra su ranura de claves: no podrá iniciar sesión hasta que un administrador la vuelva a activar.</translation>
    </message>
    <message>
        <source>An old copy of the key-slot file and the account&apos;s password would still open the keys of today, so the keys it held are rotated now; every account takes the new keys at its next login:</source>
        <translation>Una copia antigua del archivo de ranuras de claves y la contraseña de la cuenta aún abrirían las claves de hoy, por eso se rotan ahora las claves que tenía; cada cuenta toma las nuevas claves en su próximo inicio de sesión:</translation>
    </message>
    <message>
        <source>Backups made before keep the old keys. Every rotation is recorded in the audit trail.</source>
        <translation>Las copias de seguridad anteriores conservan las claves antiguas. Cada rotación queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Disabling the account and rotating its keys…</source>
        <translation>Desactivando la cuenta y rotando sus claves…</translation>
    </message>
    <message>
        <source>%1 rotated to version %2</source>
        <translation>%1 rotada a la versión %2</translation>
    </message>
    <message>
        <source>%1 rotation pending</source>
        <translation>rotación de %1 pendiente</translation>
    </message>
    <message>
        <source>Account %1 disabled, but a key rotation failed and stays pending: %2</source>
        <translation>Cuenta %1 desactivada, pero una rotación de claves falló y queda pendiente: %2</translation>
    </message>
    <message>
        <source>Account %1 disabled. %2.</source>
        <translation>Cuenta %1 desactivada. %2.</translation>
    </message>
    <message>
        <source>%1 Showing the accounts again failed: %2</source>
        <translation>%1 No se pudieron volver a mostrar las cuentas: %2</translation>
    </message>
</context>
<context>
    <name>cc::ui::AdminHomeView</name>
    <message numerus="yes">
        <source>%n flagged event(s) (emergency access, refusals, recoveries)</source>
        <translation>
            <numerusform>%n evento marcado (accesos de emergencia, rechazos, recuperaciones)</numerusform>
            <numerusform>%n eventos marcados (accesos de emergencia, rechazos, recuperaciones)</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown: %1</source>
        <translation>Desconocido: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 by %2 (%n day(s) ago)</source>
        <translation>
            <numerusform>%1 por %2 (hace %n día)</numerusform>
            <numerusform>%1 por %2 (hace %n días)</numerusform>
        </translation>
    </message>
    <message>
        <source>No backup of this clinic has been made yet.</source>
        <translation>Todavía no se ha hecho ninguna copia de seguridad de esta clínica.</translation>
    </message>
    <message>
        <source>This clinic has never been backed up. A lost or damaged disk would lose every record: make a backup and keep it on another medium.</source>
        <translation>Nunca se ha hecho una copia de seguridad de esta clínica. Un disco perdido o dañado perdería todas las historias: haga una copia y guárdela en otro soporte.</translation>
    </message>
    <message numerus="yes">
        <source>The last backup is older than %n day(s). Make a new one and keep it on another medium.</source>
        <translation>
            <numerusform>La última copia tiene más de %n día. Haga una nueva y guárdela en otro soporte.</numerusform>
            <numerusform>La última copia tiene más de %n días. Haga una nueva y guárdela en otro soporte.</numerusform>
        </translation>
    </message>
    <message>
        <source>None: every flagged event has been reviewed.</source>
        <translation>Ninguno: todos los eventos señalados han sido revisados.</translation>
    </message>
    <message>
        <source>Re&amp;ports…</source>
        <translation>&amp;Informes…</translation>
    </message>
    <message>
        <source>Reports waiting for shares:</source>
        <translation>Informes pendientes de partes:</translation>
    </message>
    <message>
        <source>Reports are not available in this window.</source>
        <translation>Los informes no están disponibles en esta ventana.</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Ninguno.</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) waiting for decryption shares</source>
        <translation>
            <numerusform>%n informe pendiente de partes de descifrado</numerusform>
            <numerusform>%n informes pendientes de partes de descifrado</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n need yours)</source>
        <translation>
            <numerusform>(%n necesita la suya)</numerusform>
            <numerusform>(%n necesitan la suya)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Mark examined…</source>
        <translation>&amp;Marcar como examinada…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tamper alarm&lt;/b&gt; (raised %1): the automatic check of the clinic found: %2&lt;br&gt;Keep a copy of the clinic folder as it is, find out what changed (docs/RELIABILITY.md, docs/AUDIT.md), then mark it examined with what you found.</source>
        <translation>&lt;b&gt;Alarma de manipulación&lt;/b&gt; (activada %1): la comprobación automática de la clínica encontró: %2&lt;br&gt;Guarde una copia de la carpeta de la clínica tal como está, averigüe qué cambió (docs/RELIABILITY.md, docs/AUDIT.md) y márquela después como examinada con lo que encontró.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tamper alarm&lt;/b&gt;: the clinic&apos;s alarm record cannot be read: %1</source>
        <translation>&lt;b&gt;Alarma de manipulación&lt;/b&gt;: no se puede leer el registro de la alarma de la clínica: %1</translation>
    </message>
    <message>
        <source>Mark the tamper alarm examined</source>
        <translation>Marcar la alarma de manipulación como examinada</translation>
    </message>
    <message>
        <source>What did you find, and what was done? (3 to 1000 characters; kept in the audit trail)</source>
        <translation>¿Qué encontró y qué se hizo? (de 3 a 1000 caracteres; queda en el registro de auditoría)</translation>
    </message>
    <message>
        <source>Tamper alarm</source>
        <translation>Alarma de manipulación</translation>
    </message>
    <message>
        <source>Clinic last verified:</source>
        <translation>Última verificación de la clínica:</translation>
    </message>
    <message>
        <source>Key ages:</source>
        <translation>Antigüedad de las claves:</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>Cuentas:</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>Never: the check runs at each administrator login.</source>
        <translation>Nunca: la comprobación se ejecuta en cada inicio de sesión de un administrador.</translation>
    </message>
    <message numerus="yes">
        <source>%1 v%2, %n day(s)</source>
        <translation>
            <numerusform>%1 v%2, %n día</numerusform>
            <numerusform>%1 v%2, %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 locked after failed logins, %2 suspended, %3 waiting for their first login, %4 disabled (of %5)</source>
        <translation>%1 bloqueadas tras inicios fallidos, %2 suspendidas, %3 pendientes de su primer inicio de sesión, %4 desactivadas (de %5)</translation>
    </message>
    <message>
        <source>Key rotations pending:</source>
        <translation>Rotaciones de claves pendientes:</translation>
    </message>
    <message>
        <source>None: every disabled account&apos;s keys have been rotated.</source>
        <translation>Ninguna: se han rotado las claves de todas las cuentas desactivadas.</translation>
    </message>
    <message>
        <source>%1, since %2 (%3): the next doctor who logs in rotates it.</source>
        <translation>%1, desde %2 (%3): la rota el próximo médico que inicie sesión.</translation>
    </message>
    <message>
        <source>%1, since %2 (%3): rotate it on the Keys page.</source>
        <translation>%1, desde %2 (%3): rótela en la página Claves.</translation>
    </message>
    <message>
        <source>&amp;Verify now</source>
        <translation>&amp;Verificar ahora</translation>
    </message>
    <message>
        <source>Check every database page, the key slots, the audit trail and every identity document now (it also runs at each administrator login and daily).</source>
        <translation>Comprobar ahora cada página de la base de datos, las ranuras de claves, el registro de auditoría y cada documento de identidad (también se hace en cada inicio de sesión de un administrador y a diario).</translation>
    </message>
</context>
<context>
    <name>cc::ui::AdminWindow</name>
    <message>
        <source>Logged in: %1 (%2)</source>
        <translation>Sesión iniciada: %1 (%2)</translation>
    </message>
    <message>
        <source>CipherChart — %1 — Administration — %2</source>
        <translation>CipherChart — %1 — Administración — %2</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Abrir archivo</translation>
    </message>
    <message>
        <source>CipherChart opens report files (.ccrep) and backups (.ccbk); %1 is neither.</source>
        <translation>CipherChart abre archivos de informe (.ccrep) y copias de seguridad (.ccbk); %1 no es ninguno de los dos.</translation>
    </message>
    <message>
        <source>Checking the clinic: every database page, the key slots, the audit trail and every identity document…</source>
        <translation>Comprobando la clínica: cada página de la base de datos, las ranuras de clave, el registro de auditoría y cada documento de identidad…</translation>
    </message>
</context>
<context>
    <name>cc::ui::AllergyDialog</name>
    <message>
        <source>Edit allergy</source>
        <translation>Editar alergia</translation>
    </message>
    <message>
        <source>Enter the substance.</source>
        <translation>Escriba la sustancia.</translation>
    </message>
    <message>
        <source>A reaction needs both its SNOMED CT code and its name.</source>
        <translation>Una reacción necesita tanto su código SNOMED CT como su nombre.</translation>
    </message>
    <message>
        <source>Not a valid %1 code (digits only). Pick a suggestion, or choose Free text.</source>
        <translation>No es un código %1 válido (solo dígitos). Elija una sugerencia o «Texto libre».</translation>
    </message>
</context>
<context>
    <name>cc::ui::AttachmentsPage</name>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Images and PDF files (*.png *.jpg *.jpeg *.pdf)</source>
        <translation>Imágenes y archivos PDF (*.png *.jpg *.jpeg *.pdf)</translation>
    </message>
    <message>
        <source>Encrypting…</source>
        <translation>Cifrando…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>This file type is not shown here: use Save as… and open it with another program.</source>
        <translation>Este tipo de archivo no se muestra aquí: use Guardar como… y ábralo con otro programa.</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Guardar adjunto</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Delete attachment</source>
        <translation>Eliminar adjunto</translation>
    </message>
    <message>
        <source>Attach a file to the chart of %1</source>
        <translation>Adjuntar un archivo a la historia de %1</translation>
    </message>
    <message>
        <source>Encrypting the attachment for %1…</source>
        <translation>Cifrando el adjunto para %1…</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; from the chart of %2? This cannot be undone.</source>
        <translation>¿Eliminar «%1» de la historia de %2? No se puede deshacer.</translation>
    </message>
    <message>
        <source>The file was attached. Showing the attachments again failed: %1</source>
        <translation>El archivo se adjuntó. No se pudieron volver a mostrar los adjuntos: %1</translation>
    </message>
    <message>
        <source>The attachment was deleted. Showing the attachments again failed: %1</source>
        <translation>El adjunto se eliminó. No se pudieron volver a mostrar los adjuntos: %1</translation>
    </message>
</context>
<context>
    <name>cc::ui::AuditTableModel</name>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Leer</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Modificar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Execute</source>
        <translation>Ejecutar</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <source>Minor failure</source>
        <translation>Fallo leve</translation>
    </message>
    <message>
        <source>Serious failure</source>
        <translation>Fallo grave</translation>
    </message>
    <message>
        <source>Major failure</source>
        <translation>Fallo muy grave</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>marcado</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Reason / detail</source>
        <translation>Motivo / detalle</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Logins and logouts</source>
        <translation>Inicios y cierres de sesión</translation>
    </message>
    <message>
        <source>Patient records</source>
        <translation>Historias de pacientes</translation>
    </message>
    <message>
        <source>Emergency access</source>
        <translation>Acceso de emergencia</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Keys and settings</source>
        <translation>Claves y ajustes</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Backups, imports, exports</source>
        <translation>Copias, importaciones, exportaciones</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>Logout</source>
        <translation>Cierre de sesión</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>Inicio de sesión fallido</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>Key status viewed</source>
        <translation>Estado de claves consultado</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Ajuste cambiado</translation>
    </message>
    <message>
        <source>Key changed</source>
        <translation>Clave cambiada</translation>
    </message>
    <message>
        <source>Accounts listed</source>
        <translation>Cuentas listadas</translation>
    </message>
    <message>
        <source>Account changed</source>
        <translation>Cuenta cambiada</translation>
    </message>
    <message>
        <source>Event reviewed</source>
        <translation>Evento revisado</translation>
    </message>
    <message>
        <source>Audit trail used</source>
        <translation>Registro de auditoría consultado</translation>
    </message>
    <message>
        <source>Import or restore</source>
        <translation>Importación o restauración</translation>
    </message>
    <message>
        <source>Export or backup</source>
        <translation>Exportación o copia</translation>
    </message>
    <message>
        <source>Patient record read</source>
        <translation>Historia de paciente leída</translation>
    </message>
    <message>
        <source>Patient record: %1</source>
        <translation>Historia de paciente: %1</translation>
    </message>
    <message>
        <source>Security alert</source>
        <translation>Alerta de seguridad</translation>
    </message>
    <message>
        <source>Not done — %1</source>
        <translation>No realizado — %1</translation>
    </message>
    <message>
        <source>Patient id %1</source>
        <translation>Id del paciente %1</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
</context>
<context>
    <name>cc::ui::AuditView</name>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown.</source>
        <translation>
            <numerusform>%n evento mostrado.</numerusform>
            <numerusform>%n eventos mostrados.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit trail could not be verified: %1</source>
        <translation>No se ha podido verificar el registro de auditoría: %1</translation>
    </message>
    <message numerus="yes">
        <source>Audit trail intact: %n event(s) verified.</source>
        <translation>
            <numerusform>Registro de auditoría intacto: %n evento verificado.</numerusform>
            <numerusform>Registro de auditoría intacto: %n eventos verificados.</numerusform>
        </translation>
    </message>
    <message>
        <source>The anchor is one event behind (an interrupted write, not an attack).</source>
        <translation>El ancla va un evento por detrás (una escritura interrumpida, no un ataque).</translation>
    </message>
    <message>
        <source>Audit trail NOT intact: %1 at event %2. %3 Contact your administrator and keep a copy of the clinic folder as it is.</source>
        <translation>El registro de auditoría NO está intacto: %1 en el evento %2. %3 Avise a su administrador y guarde una copia de la carpeta de la clínica tal como está.</translation>
    </message>
    <message>
        <source>To export one user&apos;s events, type the exact account name and press Show events first.</source>
        <translation>Para exportar los eventos de un usuario, escriba el nombre exacto de la cuenta y pulse antes Mostrar eventos.</translation>
    </message>
    <message>
        <source>Export audit trail as CSV</source>
        <translation>Exportar el registro de auditoría como CSV</translation>
    </message>
    <message>
        <source>Export audit trail as syslog</source>
        <translation>Exportar el registro de auditoría como syslog</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Syslog files (*.log *.txt)</source>
        <translation>Archivos syslog (*.log *.txt)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exportado a %1.</translation>
    </message>
    <message>
        <source>%1, %2 — MRN %3</source>
        <translation>%1, %2 — NHC %3</translation>
    </message>
    <message>
        <source>Patient names could not be shown: %1</source>
        <translation>No se han podido mostrar los nombres de los pacientes: %1</translation>
    </message>
</context>
<context>
    <name>cc::ui::BackupView</name>
    <message>
        <source>Create backup</source>
        <translation>Crear copia de seguridad</translation>
    </message>
    <message>
        <source>Back up the whole clinic &quot;%1&quot; to
%2?

The database is exported under a fresh key, sealed and signed with the clinic signing key; an existing file is never replaced. The backup is recorded in the audit trail. The window is busy until the file is written (seconds for a small clinic).</source>
        <translation>¿Hacer una copia de seguridad de toda la clínica «%1» en
%2?

La base de datos se exporta con una clave nueva, sellada y firmada con la clave de firma de la clínica; nunca se sustituye un archivo existente. La copia queda en el registro de auditoría. La ventana está ocupada hasta que se escribe el archivo (segundos para una clínica pequeña).</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>Escribiendo la copia…</translation>
    </message>
    <message>
        <source>No backup was written: %1</source>
        <translation>No se ha escrito ninguna copia: %1</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>Copia escrita en %1</translation>
    </message>
    <message>
        <source>Backup written. Note its fingerprint to recognise the file later: %1</source>
        <translation>Copia escrita. Anote su huella para reconocer el archivo más tarde: %1</translation>
    </message>
    <message>
        <source>Inspect backup</source>
        <translation>Inspeccionar copia</translation>
    </message>
    <message>
        <source>Reading the backup…</source>
        <translation>Leyendo la copia…</translation>
    </message>
    <message>
        <source>Not a usable backup: %1</source>
        <translation>No es una copia utilizable: %1</translation>
    </message>
    <message>
        <source>Signed by this clinic&apos;s signing key. Nothing was decrypted.</source>
        <translation>Firmada con la clave de firma de esta clínica. No se ha descifrado nada.</translation>
    </message>
    <message>
        <source>Signed by another key (another clinic&apos;s, or a forged file): the signature only proves the manifest is intact. Nothing was decrypted.</source>
        <translation>Firmada con otra clave (la de otra clínica, o un archivo falsificado): la firma solo demuestra que el manifiesto está intacto. No se ha descifrado nada.</translation>
    </message>
    <message>
        <source>Manifest read; to check the contents too, use Verify.</source>
        <translation>Manifiesto leído; para comprobar también el contenido, use Verificar.</translation>
    </message>
    <message>
        <source>Verify backup</source>
        <translation>Verificar copia</translation>
    </message>
    <message>
        <source>Verifying every part of the backup…</source>
        <translation>Verificando cada parte de la copia…</translation>
    </message>
    <message>
        <source>The backup failed verification: %1</source>
        <translation>La copia no ha superado la verificación: %1</translation>
    </message>
    <message>
        <source>Verified: signature, every member&apos;s SHA-256, the sealed payload and the database copy&apos;s integrity check. The live clinic was not touched.</source>
        <translation>Verificado: la firma, el SHA-256 de cada miembro, el contenido sellado y la comprobación de integridad de la copia de la base de datos. La clínica en uso no se ha tocado.</translation>
    </message>
    <message>
        <source>The backup is intact and this clinic can restore it.</source>
        <translation>La copia está intacta y esta clínica puede restaurarla.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Restaurar copia</translation>
    </message>
    <message>
        <source>1. Verify the backup (nothing is changed)</source>
        <translation>1. Verificar la copia (no se cambia nada)</translation>
    </message>
    <message>
        <source>2. Confirm</source>
        <translation>2. Confirmar</translation>
    </message>
    <message>
        <source>3. Replace the clinic and end the session</source>
        <translation>3. Sustituir la clínica y terminar la sesión</translation>
    </message>
    <message>
        <source>Step 1 of 3: verifying the backup…</source>
        <translation>Paso 1 de 3: verificando la copia…</translation>
    </message>
    <message>
        <source>1. Verification failed: nothing was changed</source>
        <translation>1. La verificación ha fallado: no se ha cambiado nada</translation>
    </message>
    <message>
        <source>Not restored: %1</source>
        <translation>No restaurada: %1</translation>
    </message>
    <message>
        <source>Step 1 passed: every check of the restore, on a staged copy that was discarded.</source>
        <translation>Paso 1 superado: todas las comprobaciones de la restauración, sobre una copia provisional que se ha descartado.</translation>
    </message>
    <message>
        <source>1. Verified</source>
        <translation>1. Verificada</translation>
    </message>
    <message>
        <source>Replace the clinic &quot;%1&quot; with the backup of &quot;%2&quot; made on %3 by %4?

Everything recorded after that date, the audit events included, is moved to the folder pre-restore-%5 and is no longer part of the clinic. The passwords of that date apply again. Your session ends and you log in again.</source>
        <translation>¿Sustituir la clínica «%1» por la copia de «%2» hecha el %3 por %4?

Todo lo registrado después de esa fecha, incluidos los eventos de auditoría, se mueve a la carpeta pre-restore-%5 y deja de formar parte de la clínica. Vuelven a valer las contraseñas de esa fecha. Su sesión termina y vuelve a iniciar sesión.</translation>
    </message>
    <message>
        <source>2. Not confirmed: nothing was changed</source>
        <translation>2. No confirmado: no se ha cambiado nada</translation>
    </message>
    <message>
        <source>Step 3 of 3: restoring the backup…</source>
        <translation>Paso 3 de 3: restaurando la copia…</translation>
    </message>
    <message>
        <source>2. Confirmed</source>
        <translation>2. Confirmado</translation>
    </message>
    <message>
        <source>3. Restore refused</source>
        <translation>3. Restauración rechazada</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Copia restaurada</translation>
    </message>
    <message>
        <source>The clinic was restored from the backup of %1. Log in again with the password the account had then.</source>
        <translation>La clínica se ha restaurado desde la copia del %1. Vuelva a iniciar sesión con la contraseña que la cuenta tenía entonces.</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Huella</translation>
    </message>
    <message>
        <source>Backup id</source>
        <translation>Id de la copia</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Eventos de auditoría</translation>
    </message>
    <message>
        <source>up to number %1</source>
        <translation>hasta el número %1</translation>
    </message>
    <message>
        <source>Key slots</source>
        <translation>Ranuras de claves</translation>
    </message>
    <message>
        <source>generation %1</source>
        <translation>generación %1</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Versión del esquema</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Firmante</translation>
    </message>
    <message>
        <source>  %1</source>
        <translation>  %1</translation>
    </message>
    <message>
        <source>%1 bytes, SHA-256 %2…</source>
        <translation>%1 bytes, SHA-256 %2…</translation>
    </message>
</context>
<context>
    <name>cc::ui::BreakGlassDialog</name>
    <message>
        <source>&amp;Open chart</source>
        <translation>&amp;Abrir historia</translation>
    </message>
    <message>
        <source>Patient record id:</source>
        <translation>Id de la historia del paciente:</translation>
    </message>
    <message>
        <source>The record id has 32 hexadecimal digits.</source>
        <translation>El id de la historia tiene 32 dígitos hexadecimales.</translation>
    </message>
    <message>
        <source>&amp;Open chart (emergency access)</source>
        <translation>&amp;Abrir historia (acceso de emergencia)</translation>
    </message>
    <message>
        <source>Emergency access</source>
        <translation>Acceso de emergencia</translation>
    </message>
    <message>
        <source>This patient is not on your care team. In an emergency you may open the chart for 60 minutes. Your reason is recorded in the audit trail and an administrator reviews every emergency access.</source>
        <translation>Este paciente no está en su equipo asistencial. En una emergencia puede abrir la historia durante 60 minutos. Su motivo queda en el registro de auditoría y un administrador revisa cada acceso de emergencia.</translation>
    </message>
    <message>
        <source>Type the patient&apos;s MRN first.</source>
        <translation>Escriba antes el NHC del paciente.</translation>
    </message>
    <message>
        <source>%1, born %2, is on your care team: no emergency access is needed. The chart opens normally.</source>
        <translation>%1, nacido/a el %2, está en su equipo asistencial: no hace falta acceso de emergencia. La historia se abre con normalidad.</translation>
    </message>
    <message>
        <source>No patient with this MRN is on your care team: emergency access is needed. Give your reason; the MRN is then looked up among all patients, the chart opens for 60 minutes, and an administrator reviews the access.</source>
        <translation>Ningún paciente con este NHC está en su equipo asistencial: hace falta acceso de emergencia. Indique su motivo; después se busca el NHC entre todos los pacientes, la historia se abre durante 60 minutos y un administrador revisa el acceso.</translation>
    </message>
</context>
<context>
    <name>cc::ui::ChangePasswordDialog</name>
    <message>
        <source>&amp;Change password</source>
        <translation>&amp;Cambiar contraseña</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>The new password needs at least %1 characters.</source>
        <translation>La nueva contraseña necesita al menos %1 caracteres.</translation>
    </message>
</context>
<context>
    <name>cc::ui::ChartEntryBar</name>
    <message>
        <source>Select a row to edit.</source>
        <translation>Seleccione una fila para editarla.</translation>
    </message>
    <message>
        <source>This row could not be opened for editing (it may have been removed, or access ended).</source>
        <translation>No se ha podido abrir esta fila para editarla (puede que se haya eliminado o que el acceso haya terminado).</translation>
    </message>
    <message>
        <source>Select a row to remove.</source>
        <translation>Seleccione una fila para quitarla.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from the chart of %2? The removal is recorded in the audit trail.</source>
        <translation>¿Quitar «%1» de la historia de %2? La eliminación queda en el registro de auditoría.</translation>
    </message>
</context>
<context>
    <name>cc::ui::ChartView</name>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>RxNorm</source>
        <translation>RxNorm</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>Alergia</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Reacciones</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Authored</source>
        <translation>Escrita</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Shared with patient</source>
        <translation>Compartida con el paciente</translation>
    </message>
    <message>
        <source>&amp;Observations</source>
        <translation>&amp;Observaciones</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>current</source>
        <translation>actual</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Observación</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>Intervalo de referencia</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Dosage</source>
        <translation>Posología</translation>
    </message>
    <message>
        <source>Criticality</source>
        <translation>Criticidad</translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation>Encuentro</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Value or date</source>
        <translation>Valor o fecha</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Todas las categorías</translation>
    </message>
    <message>
        <source>Active problems</source>
        <translation>Problemas activos</translation>
    </message>
    <message>
        <source>none recorded; add them on the Problems tab</source>
        <translation>ninguno registrado; añádalos en la pestaña Problemas</translation>
    </message>
    <message>
        <source>Current medications</source>
        <translation>Medicación actual</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>ninguno registrado</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>no known allergies</source>
        <translation>sin alergias conocidas</translation>
    </message>
    <message>
        <source>Latest vital signs and laboratory results</source>
        <translation>Últimas constantes vitales y resultados de laboratorio</translation>
    </message>
    <message>
        <source>none recorded; add them on the Observations tab</source>
        <translation>ninguno registrado; añádalos en la pestaña Observaciones</translation>
    </message>
    <message>
        <source>Last encounters</source>
        <translation>Últimos encuentros</translation>
    </message>
    <message>
        <source>resolved %1</source>
        <translation>resuelto el %1</translation>
    </message>
    <message>
        <source>Select an encounter to see what was recorded during it.</source>
        <translation>Seleccione un encuentro para ver lo que se registró en él.</translation>
    </message>
    <message>
        <source>Nothing else was recorded during this encounter.</source>
        <translation>No se registró nada más durante este encuentro.</translation>
    </message>
    <message>
        <source>Recorded during this encounter (%1)</source>
        <translation>Registrado durante este encuentro (%1)</translation>
    </message>
    <message>
        <source>uncoded</source>
        <translation>sin codificar</translation>
    </message>
    <message>
        <source>The change was saved. Showing the chart again failed: %1</source>
        <translation>El cambio se guardó. No se pudo volver a mostrar la historia clínica: %1</translation>
    </message>
</context>
<context>
    <name>cc::ui::CodeSearch</name>
    <message>
        <source>%1 — %2 %3</source>
        <translation>%1 — %2 %3</translation>
    </message>
    <message>
        <source>%1 code %2</source>
        <translation>código %1 %2</translation>
    </message>
</context>
<context>
    <name>cc::ui::CodedEntryBinding</name>
    <message>
        <source>Free text (uncoded)</source>
        <translation>Texto libre (sin codificar)</translation>
    </message>
    <message>
        <source>Type to search the code list, or enter free text</source>
        <translation>Escriba para buscar en la lista de códigos, o introduzca texto libre</translation>
    </message>
    <message>
        <source>Free text (uncoded): it is kept as written; pick a suggestion to code it.</source>
        <translation>Texto libre (sin codificar): se guarda tal como está escrito; elija una sugerencia para codificarlo.</translation>
    </message>
    <message>
        <source>Coded: %1 %2</source>
        <translation>Codificado: %1 %2</translation>
    </message>
</context>
<context>
    <name>cc::ui::ConditionDialog</name>
    <message>
        <source>Edit problem</source>
        <translation>Editar problema</translation>
    </message>
    <message>
        <source>Enter the problem&apos;s name.</source>
        <translation>Escriba el nombre del problema.</translation>
    </message>
    <message>
        <source>Not a valid %1 code (ICD-10: a letter, two characters and an optional part after a dot, e.g. E11.9; SNOMED CT: 6 to 18 digits). Pick a suggestion, or choose Free text.</source>
        <translation>No es un código %1 válido (CIE-10: una letra, dos caracteres y una parte opcional tras un punto, p. ej. E11.9; SNOMED CT: de 6 a 18 dígitos). Elija una sugerencia o «Texto libre».</translation>
    </message>
</context>
<context>
    <name>cc::ui::DecryptShareDialog</name>
    <message>
        <source>&amp;Recompute and decrypt my share</source>
        <translation>&amp;Recalcular y descifrar mi parte</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Decrypt my share — %1</source>
        <translation>Descifrar mi parte — %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;You are asked, as custodian %1 of the report key, to decrypt your share of this report:&lt;/p&gt;&lt;p&gt;&lt;b&gt;%2&lt;/b&gt;&lt;br&gt;Clinic: %3&lt;br&gt;Report id: %4&lt;br&gt;Purpose: %5&lt;/p&gt;&lt;p&gt;%6&lt;/p&gt;</source>
        <translation>&lt;p&gt;Se le pide, como custodio %1 de la clave de informes, que descifre su parte de este informe:&lt;/p&gt;&lt;p&gt;&lt;b&gt;%2&lt;/b&gt;&lt;br&gt;Clínica: %3&lt;br&gt;Id. del informe: %4&lt;br&gt;Finalidad: %5&lt;/p&gt;&lt;p&gt;%6&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cell %1: %2 — %3</source>
        <translation>Celda %1: %2 — %3</translation>
    </message>
    <message>
        <source>Before anything is decrypted, your session recomputes every cell from the clinic&apos;s own rows and refuses unless each equals the file&apos;s ciphertext, so no other number (one patient&apos;s value, say) can be slipped in. Cells with fewer than %1 distinct patients, and the cells that would reveal them, are withheld. Your partial decryptions are stored in the clinic; %2 of %3 custodians are needed to publish, %4 have contributed so far. The step is recorded in the audit trail.</source>
        <translation>Antes de descifrar nada, su sesión recalcula cada celda a partir de las filas de la propia clínica y se niega si alguna no coincide con el texto cifrado del archivo, de modo que no se pueda colar otro número (el valor de un paciente, por ejemplo). Las celdas con menos de %1 pacientes distintos, y las que permitirían deducirlas, no se descifran. Sus descifrados parciales se guardan en la clínica; para publicar hacen falta %2 de %3 custodios, y hasta ahora han contribuido %4. El paso queda registrado en el registro de auditoría.</translation>
    </message>
    <message>
        <source>This account holds no share of the report key: only a custodian can decrypt.</source>
        <translation>Esta cuenta no tiene ninguna parte de la clave de informes: solo un custodio puede descifrar.</translation>
    </message>
    <message>
        <source>Refused, nothing was decrypted: %1</source>
        <translation>Rechazado, no se ha descifrado nada: %1</translation>
    </message>
    <message>
        <source>The cells matched the clinic&apos;s rows. Your share is stored: %1 cell(s) decrypted, %2 withheld by disclosure control.</source>
        <translation>Las celdas coinciden con las filas de la clínica. Su parte está guardada: %1 celda(s) descifrada(s), %2 retenida(s) por el control de divulgación.</translation>
    </message>
</context>
<context>
    <name>cc::ui::DoctorWindow</name>
    <message>
        <source>Logged in: %1 (%2)</source>
        <translation>Sesión iniciada: %1 (%2)</translation>
    </message>
    <message>
        <source>CipherChart — %1</source>
        <translation>CipherChart — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) on your care team</source>
        <translation>
            <numerusform>%n paciente en su equipo asistencial</numerusform>
            <numerusform>%n pacientes en su equipo asistencial</numerusform>
        </translation>
    </message>
    <message>
        <source>This patient is not on your care team.</source>
        <translation>Este paciente no está en su equipo asistencial.</translation>
    </message>
    <message>
        <source>Record exported as FHIR.</source>
        <translation>Historia exportada como FHIR.</translation>
    </message>
    <message>
        <source>Open a patient from the list (double-click or Enter).</source>
        <translation>Abra un paciente de la lista (doble clic o Intro).</translation>
    </message>
    <message>
        <source>%1 — CipherChart — %2</source>
        <translation>%1 — CipherChart — %2</translation>
    </message>
    <message>
        <source>CipherChart</source>
        <translation>CipherChart</translation>
    </message>
    <message>
        <source>%1 is selected.
Press Enter or double-click to open the chart.

The chart of %2 is still open: select that row to return to it.</source>
        <translation>%1 está seleccionado.
Pulse Intro o haga doble clic para abrir la historia.

La historia de %2 sigue abierta: seleccione esa fila para volver a ella.</translation>
    </message>
    <message>
        <source>Close CipherChart</source>
        <translation>Cerrar CipherChart</translation>
    </message>
    <message>
        <source>A value typed in the observation form of %1 is not saved. Close anyway?</source>
        <translation>Un valor escrito en el formulario de observaciones de %1 no está guardado. ¿Cerrar de todos modos?</translation>
    </message>
    <message>
        <source>Patient registered: %1</source>
        <translation>Paciente registrado: %1</translation>
    </message>
    <message>
        <source>&amp;Print summary (PDF)…</source>
        <translation>&amp;Imprimir resumen (PDF)…</translation>
    </message>
    <message>
        <source>Save the open chart&apos;s summary as a PDF, the patient banner on every page (audited)</source>
        <translation>Guarda el resumen de la historia abierta como PDF, con la cabecera del paciente en cada página (queda auditado)</translation>
    </message>
    <message>
        <source>Print &amp;trend (PDF)…</source>
        <translation>Imprimir &amp;evolución (PDF)…</translation>
    </message>
    <message>
        <source>Save the trend chart of the observation selected on the Observations tab as a PDF</source>
        <translation>Guarda como PDF la gráfica de evolución de la observación seleccionada en la pestaña Observaciones</translation>
    </message>
    <message>
        <source>&amp;Recent patients</source>
        <translation>Pacientes &amp;recientes</translation>
    </message>
    <message>
        <source>Reopen a chart opened earlier in this session</source>
        <translation>Vuelve a abrir una historia abierta antes en esta sesión</translation>
    </message>
    <message>
        <source>%1 (not in your list)</source>
        <translation>%1 (no está en su lista)</translation>
    </message>
    <message>
        <source>No chart opened yet in this session</source>
        <translation>Aún no se ha abierto ninguna historia en esta sesión</translation>
    </message>
    <message>
        <source>Summary printed to %1</source>
        <translation>Resumen impreso en %1</translation>
    </message>
    <message>
        <source>Select an observation on the Observations tab, then print its trend.</source>
        <translation>Seleccione una observación en la pestaña Observaciones y después imprima su evolución.</translation>
    </message>
    <message>
        <source>Trend printed to %1</source>
        <translation>Evolución impresa en %1</translation>
    </message>
    <message>
        <source>Opening the patient directory…</source>
        <translation>Abriendo el directorio de pacientes…</translation>
    </message>
</context>
<context>
    <name>cc::ui::ImageViewerDialog</name>
    <message>
        <source>This image cannot be shown: save it and open it with another program.</source>
        <translation>Esta imagen no se puede mostrar: guárdela y ábrala con otro programa.</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 píxeles</translation>
    </message>
</context>
<context>
    <name>cc::ui::ImportDialog</name>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Synthea CSV folder</source>
        <translation>Carpeta CSV de Synthea</translation>
    </message>
    <message>
        <source>ACTG 315 trial file (ACTG315.csv)</source>
        <translation>Archivo del ensayo ACTG 315 (ACTG315.csv)</translation>
    </message>
    <message>
        <source>FHIR R4 JSON files (Bundles or single resources)</source>
        <translation>Archivos JSON FHIR R4 (Bundles o recursos sueltos)</translation>
    </message>
    <message>
        <source>Folder or file to import</source>
        <translation>Carpeta o archivo que importar</translation>
    </message>
    <message>
        <source>FHIR R4 JSON files</source>
        <translation>Archivos JSON FHIR R4</translation>
    </message>
    <message>
        <source>FHIR JSON (*.json);;All files (*)</source>
        <translation>JSON FHIR (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>ACTG 315 file</source>
        <translation>Archivo ACTG 315</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Importing… %1 of %2 steps</source>
        <translation>Importando… %1 de %2 pasos</translation>
    </message>
    <message>
        <source>Choose a folder or file first.</source>
        <translation>Elija antes una carpeta o un archivo.</translation>
    </message>
    <message>
        <source>Reading and checking the input…</source>
        <translation>Leyendo y comprobando los datos…</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was kept.</source>
        <translation>Importación cancelada. No se ha conservado nada.</translation>
    </message>
    <message>
        <source>Refused, nothing of it was kept: %1</source>
        <translation>Rechazado, no se ha conservado nada: %1</translation>
    </message>
    <message>
        <source>Nothing was kept. %1</source>
        <translation>No se ha conservado nada. %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Imported: %1. Skipped: %2.</source>
        <translation>Importado: %1. Omitido: %2.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>Stored without catalogue entry: %1 %2 × %3</source>
        <translation>Guardado sin entrada en el catálogo: %1 %2 × %3</translation>
    </message>
    <message>
        <source>Stored without a Paillier value (outside the generic range): %1</source>
        <translation>Guardado sin valor Paillier (fuera del intervalo genérico): %1</translation>
    </message>
    <message>
        <source>Patient (MRN)</source>
        <translation>Paciente (NHC)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>CSV table with a mapping file (trial or laboratory export)</source>
        <translation>Tabla CSV con un archivo de correspondencia (ensayo o exportación de laboratorio)</translation>
    </message>
    <message>
        <source>Mapping file (JSON) of the table&apos;s columns</source>
        <translation>Archivo de correspondencia (JSON) de las columnas de la tabla</translation>
    </message>
    <message>
        <source>Mapping file</source>
        <translation>Archivo de correspondencia</translation>
    </message>
    <message>
        <source>Mapping (*.json);;All files (*)</source>
        <translation>Correspondencia (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Choose the table and its mapping file first.</source>
        <translation>Elija primero la tabla y su archivo de correspondencia.</translation>
    </message>
    <message>
        <source>The mapping or the table is refused: %1</source>
        <translation>Se rechaza la correspondencia o la tabla: %1</translation>
    </message>
    <message>
        <source>Preview of the first %1 rows with the mapping applied: %2 patients, %3 observations, %4 skipped (nothing is stored yet).</source>
        <translation>Vista previa de las primeras %1 filas con la correspondencia aplicada: %2 pacientes, %3 observaciones, %4 omitidas (aún no se guarda nada).</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>Tabla CSV</translation>
    </message>
</context>
<context>
    <name>cc::ui::KeyStatusModel</name>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>Id de la clave</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>Antigüedad (días)</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>En poder de</translation>
    </message>
    <message>
        <source>Database key (encrypts the database file)</source>
        <translation>Clave de la base de datos (cifra el archivo de la base de datos)</translation>
    </message>
    <message>
        <source>Identity category key (patients&apos; identity keys)</source>
        <translation>Clave de la categoría de identidad (claves de identidad de los pacientes)</translation>
    </message>
    <message>
        <source>Clinical category key (patients&apos; clinical keys)</source>
        <translation>Clave de la categoría clínica (claves clínicas de los pacientes)</translation>
    </message>
    <message>
        <source>Index key (report cohort tokens)</source>
        <translation>Clave de índice (tokens de cohortes de informes)</translation>
    </message>
    <message>
        <source>Audit root key (verifies the audit trail)</source>
        <translation>Clave raíz de auditoría (verifica el registro de auditoría)</translation>
    </message>
    <message>
        <source>Clinic signing key (reports, backups, anchors)</source>
        <translation>Clave de firma de la clínica (informes, copias, anclas)</translation>
    </message>
    <message>
        <source>Report key (encrypted statistics)</source>
        <translation>Clave de informes (estadísticas cifradas)</translation>
    </message>
    <message>
        <source>Recovery key (printed shares)</source>
        <translation>Clave de recuperación (partes impresas)</translation>
    </message>
</context>
<context>
    <name>cc::ui::KeyStatusView</name>
    <message numerus="yes">
        <source>Idle sessions now lock after %n minute(s).</source>
        <translation>
            <numerusform>Las sesiones inactivas se bloquean ahora tras %n minuto.</numerusform>
            <numerusform>Las sesiones inactivas se bloquean ahora tras %n minutos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh to see who holds the report key&apos;s shares.</source>
        <translation>Actualice para ver quién tiene las partes de la clave de informes.</translation>
    </message>
    <message>
        <source>The threshold is not recorded.</source>
        <translation>El umbral no está registrado.</translation>
    </message>
    <message>
        <source>If one custodian leaves, the other %1 can still decrypt reports (%2 are needed). Their account cannot be disabled or reset while it holds a share: the share exists only in their key slot and would be lost.</source>
        <translation>Si un custodio se va, los otros %1 aún pueden descifrar informes (hacen falta %2). Su cuenta no puede desactivarse ni restablecerse mientras tenga una parte: la parte solo existe en su ranura de claves y se perdería.</translation>
    </message>
    <message>
        <source>If one custodian leaves, reports can no longer be decrypted: all %1 custodians are needed. Keep every custodian&apos;s password safe; a custodian&apos;s account cannot be disabled or reset while it holds a share, and the recovery key does not hold the shares.</source>
        <translation>Si un custodio se va, los informes ya no pueden descifrarse: hacen falta los %1 custodios. Guarde a salvo la contraseña de cada custodio; la cuenta de un custodio no puede desactivarse ni restablecerse mientras tenga una parte, y la clave de recuperación no contiene las partes.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Key id (fingerprint of the public key): &lt;code&gt;%1&lt;/code&gt;, version %2.&lt;br&gt;Decrypting a report&apos;s totals takes &lt;b&gt;%3 of %4&lt;/b&gt; custodians, each with their own share.&lt;/p&gt;&lt;p&gt;Custodians: %5&lt;/p&gt;&lt;p&gt;%6&lt;/p&gt;</source>
        <translation>&lt;p&gt;Id de la clave (huella de la clave pública): &lt;code&gt;%1&lt;/code&gt;, versión %2.&lt;br&gt;Descifrar los totales de un informe requiere &lt;b&gt;%3 de %4&lt;/b&gt; custodios, cada uno con su propia parte.&lt;/p&gt;&lt;p&gt;Custodios: %5&lt;/p&gt;&lt;p&gt;%6&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Pin unpinned accounts…</source>
        <translation>&amp;Fijar las cuentas sin fijar…</translation>
    </message>
    <message>
        <source>For a clinic created before pinned keys: rotations refuse accounts whose box public key has no pin (docs/KEYS.md section 8).</source>
        <translation>Para una clínica creada antes de las claves fijadas: las rotaciones rechazan las cuentas cuya clave pública de caja no está fijada (docs/KEYS.md, sección 8).</translation>
    </message>
    <message>
        <source>Pin unpinned accounts</source>
        <translation>Fijar las cuentas sin fijar</translation>
    </message>
    <message>
        <source>Key rotations are sealed only to box public keys that carry a pin. This trusts the keys of every account without a pin as they are now (existing pins are never replaced). Do it only if you are sure nobody has changed the clinic&apos;s key-slot file since the upgrade. The step is recorded in the audit trail and flagged for review.</source>
        <translation>Las rotaciones de claves solo se sellan para claves públicas de caja fijadas. Esto confía en las claves de cada cuenta sin fijar tal como están ahora (las fijaciones existentes nunca se reemplazan). Hágalo solo si está seguro de que nadie ha modificado el archivo de ranuras de claves de la clínica desde la actualización. El paso queda en el registro de auditoría, marcado para revisión.</translation>
    </message>
    <message>
        <source>Every account was pinned already: nothing changed.</source>
        <translation>Todas las cuentas ya estaban fijadas: no cambió nada.</translation>
    </message>
    <message>
        <source>Pinned: %1. The audit trail records it, flagged for review.</source>
        <translation>Fijadas: %1. El registro de auditoría lo recoge, marcado para revisión.</translation>
    </message>
</context>
<context>
    <name>cc::ui::LockScreen</name>
    <message>
        <source>The session of %1 was locked. Enter the password to continue, or log out.</source>
        <translation>La sesión de %1 se ha bloqueado. Escriba la contraseña para continuar o cierre la sesión.</translation>
    </message>
</context>
<context>
    <name>cc::ui::LoginWindow</name>
    <message>
        <source>No clinic open</source>
        <translation>Ninguna clínica abierta</translation>
    </message>
    <message>
        <source>CipherChart — Log in</source>
        <translation>CipherChart — Iniciar sesión</translation>
    </message>
    <message>
        <source>CipherChart — DEMO clinic — Log in</source>
        <translation>CipherChart — Clínica de DEMOSTRACIÓN — Iniciar sesión</translation>
    </message>
    <message>
        <source>No clinic is open on this workstation.</source>
        <translation>No hay ninguna clínica abierta en este puesto.</translation>
    </message>
    <message>
        <source>Create a clinic with
  cipherchart-cli init --clinic DIR --admin NAME
then start  cipherchart --clinic DIR</source>
        <translation>Cree una clínica con
  cipherchart-cli init --clinic DIR --admin NOMBRE
y después inicie  cipherchart --clinic DIR</translation>
    </message>
</context>
<context>
    <name>cc::ui::MedicationDialog</name>
    <message>
        <source>Edit medication</source>
        <translation>Editar medicamento</translation>
    </message>
    <message>
        <source>Enter the medication&apos;s name.</source>
        <translation>Escriba el nombre del medicamento.</translation>
    </message>
    <message>
        <source>The RxNorm code is a number of up to 12 digits (RXCUI); leave it empty for a free-text (uncoded) medication.</source>
        <translation>El código RxNorm es un número de hasta 12 dígitos (RXCUI); déjelo vacío para un medicamento en texto libre (sin codificar).</translation>
    </message>
</context>
<context>
    <name>cc::ui::NetworkExportDialog</name>
    <message>
        <source>Save the network export</source>
        <translation>Guardar la exportación para la red</translation>
    </message>
    <message>
        <source>Research network exports (*.ccrx)</source>
        <translation>Exportaciones para redes de investigación (*.ccrx)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Export to research network — %1</source>
        <translation>Exportar a la red de investigación — %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Clinic: %2&lt;br&gt;Report id: %3&lt;br&gt;Published: %4&lt;br&gt;%5&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Clínica: %2&lt;br&gt;Id. del informe: %3&lt;br&gt;Publicado: %4&lt;br&gt;%5&lt;/p&gt;</translation>
    </message>
    <message>
        <source>64 hexadecimal digits, as the network gave them</source>
        <translation>64 dígitos hexadecimales, tal como los dio la red</translation>
    </message>
    <message>
        <source>Network fingerprint given by the network</source>
        <translation>Huella de la red entregada por la red</translation>
    </message>
    <message>
        <source>Cells and what is exported of each</source>
        <translation>Celdas y lo que se exporta de cada una</translation>
    </message>
    <message>
        <source>Network &amp;key file:</source>
        <translation>Archivo de &amp;clave de la red:</translation>
    </message>
    <message>
        <source>Network &amp;fingerprint:</source>
        <translation>&amp;Huella de la red:</translation>
    </message>
    <message>
        <source>What will be exported</source>
        <translation>Qué se exportará</translation>
    </message>
    <message>
        <source>&amp;Save the export as:</source>
        <translation>&amp;Guardar la exportación como:</translation>
    </message>
    <message>
        <source>exported, re-encrypted under the network key</source>
        <translation>exportada, cifrada de nuevo con la clave de la red</translation>
    </message>
    <message>
        <source>withheld (%1)</source>
        <translation>retenida (%1)</translation>
    </message>
    <message>
        <source>Cell %1: %2 — %3: %4</source>
        <translation>Celda %1: %2 — %3: %4</translation>
    </message>
    <message>
        <source>Choose the network key file to see where the cells go.</source>
        <translation>Elija el archivo de clave de la red para ver adónde van las celdas.</translation>
    </message>
    <message>
        <source>To research network &quot;%1&quot; (key id %2): %3 of %4 cell(s) exported, %5 withheld.</source>
        <translation>A la red de investigación «%1» (id. de clave %2): %3 de %4 celda(s) exportada(s), %5 retenida(s).</translation>
    </message>
    <message>
        <source>An exported cell carries the clinic&apos;s exact totals (count, sum, sum of squares, histogram) and its patient count, encrypted under the network&apos;s key: only the network&apos;s custodians can decrypt them, and only after merging with at least %1 other clinics; merged cells with fewer than %2 patients are suppressed at the network. A cell withheld here (suppressed in the clinic&apos;s published report) goes as an encryption of zero marked withheld: its figures never leave the clinic, its patients are still counted.</source>
        <translation>Una celda exportada lleva los totales exactos de la clínica (recuento, suma, suma de cuadrados, histograma) y su número de pacientes, cifrados con la clave de la red: solo los custodios de la red pueden descifrarlos, y solo tras fusionarlos con al menos %1 clínicas más; en la red se suprimen las celdas fusionadas con menos de %2 pacientes. Una celda retenida aquí (suprimida en el informe publicado de la clínica) se envía como un cifrado de cero marcado como retenido: sus cifras nunca salen de la clínica, sus pacientes siguen contando.</translation>
    </message>
    <message>
        <source>The export recomputes every cell from the clinic&apos;s rows, combines the custodians&apos; stored shares again, applies the clinic&apos;s minimum cell size (%1 patients), signs the file with the clinic key and is recorded in the audit trail.</source>
        <translation>La exportación recalcula cada celda a partir de las filas de la clínica, vuelve a combinar las partes guardadas de los custodios, aplica el tamaño mínimo de celda de la clínica (%1 pacientes), firma el archivo con la clave de la clínica y queda registrada en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Note: the report was published with a minimum of %1 patients per cell; the clinic&apos;s minimum is now %2, so the cells withheld may differ from those listed.</source>
        <translation>Nota: el informe se publicó con un mínimo de %1 pacientes por celda; el mínimo de la clínica es ahora %2, así que las celdas retenidas pueden ser otras que las de la lista.</translation>
    </message>
    <message>
        <source>Type or paste the fingerprint the network gave you out of band (64 hexadecimal digits), to be sure the key file is the network&apos;s.</source>
        <translation>Escriba o pegue la huella que la red le dio por otro canal (64 dígitos hexadecimales), para asegurarse de que el archivo de clave es el de la red.</translation>
    </message>
    <message>
        <source>Type the network&apos;s fingerprint.</source>
        <translation>Escriba la huella de la red.</translation>
    </message>
    <message numerus="yes">
        <source>Not a fingerprint: 64 hexadecimal digits (0–9, a–f) are expected; %n character(s) typed.</source>
        <translation>
            <numerusform>No es una huella: se esperan 64 dígitos hexadecimales (0–9, a–f); se ha escrito %n carácter.</numerusform>
            <numerusform>No es una huella: se esperan 64 dígitos hexadecimales (0–9, a–f); se han escrito %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the network key file to compare the fingerprint with it.</source>
        <translation>Elija el archivo de clave de la red para comparar la huella con él.</translation>
    </message>
    <message>
        <source>Choose the network key file.</source>
        <translation>Elija el archivo de clave de la red.</translation>
    </message>
    <message>
        <source>✗ Does not match: the key file&apos;s fingerprint is %1. This file is not the key the network gave out (or the fingerprint was mistyped); the clinic&apos;s totals are not encrypted to it.</source>
        <translation>✗ No coincide: la huella del archivo de clave es %1. Este archivo no es la clave que entregó la red (o la huella se escribió mal); los totales de la clínica no se cifran para él.</translation>
    </message>
    <message>
        <source>Refused: the fingerprint typed is not the network key file&apos;s.</source>
        <translation>Rechazado: la huella escrita no es la del archivo de clave de la red.</translation>
    </message>
    <message>
        <source>✓ Matches the key file&apos;s fingerprint.</source>
        <translation>✓ Coincide con la huella del archivo de clave.</translation>
    </message>
    <message>
        <source>Not exported, nothing was written: %1</source>
        <translation>No se ha exportado, no se ha escrito nada: %1</translation>
    </message>
    <message>
        <source>Exported, but %1 was not written: %2</source>
        <translation>Exportado, pero %1 no se ha escrito: %2</translation>
    </message>
    <message>
        <source>Exported to %1 (export id %2): %3 cell(s) re-encrypted under the key of &quot;%4&quot;, %5 withheld. Give the file to the network&apos;s merger.</source>
        <translation>Exportado a %1 (id. de exportación %2): %3 celda(s) cifrada(s) de nuevo con la clave de «%4», %5 retenida(s). Entregue el archivo a quien fusiona para la red.</translation>
    </message>
    <message>
        <source>Skipped as invalid: %1</source>
        <translation>Descartadas por no válidas: %1</translation>
    </message>
    <message>
        <source>A copy is kept in the clinic&apos;s report folder (%1), so the list of reports shows the report as exported.</source>
        <translation>Se guarda una copia en la carpeta de informes de la clínica (%1), para que la lista de informes muestre el informe como exportado.</translation>
    </message>
    <message>
        <source>The copy for the clinic&apos;s report folder was not written (%1): the list of reports will not show this export.</source>
        <translation>No se escribió la copia para la carpeta de informes de la clínica (%1): la lista de informes no mostrará esta exportación.</translation>
    </message>
</context>
<context>
    <name>cc::ui::NetworkKeyPicker</name>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>network-key.json, from the research network</source>
        <translation>network-key.json, de la red de investigación</translation>
    </message>
    <message>
        <source>Network public key file</source>
        <translation>Archivo de clave pública de la red</translation>
    </message>
    <message>
        <source>Choose the network&apos;s public key file (network-key.json). It is public; its fingerprint is given out by the network out of band.</source>
        <translation>Elija el archivo de clave pública de la red (network-key.json). Es público; la red entrega su huella por otro canal.</translation>
    </message>
    <message>
        <source>Network key files (*.json);;All files (*)</source>
        <translation>Archivos de clave de red (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>No network key file chosen.</source>
        <translation>No se ha elegido ningún archivo de clave de red.</translation>
    </message>
    <message>
        <source>%1 is not a valid research network key file, refused: %2</source>
        <translation>%1 no es un archivo de clave de red de investigación válido, rechazado: %2</translation>
    </message>
    <message>
        <source>Research network &quot;%1&quot;, key id %2 (%3 bits), %4 of %5 network custodians decrypt. Merged cells need at least %6 distinct patients; a merge needs at least %7 clinics.
Fingerprint of this file: %8</source>
        <translation>Red de investigación «%1», id. de clave %2 (%3 bits), descifran %4 de %5 custodios de la red. Las celdas fusionadas necesitan al menos %6 pacientes distintos; una fusión necesita al menos %7 clínicas.
Huella de este archivo: %8</translation>
    </message>
</context>
<context>
    <name>cc::ui::NetworkMergeDialog</name>
    <message>
        <source>&amp;Add export file…</source>
        <translation>&amp;Añadir archivo de exportación…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Save the merged file</source>
        <translation>Guardar el archivo fusionado</translation>
    </message>
    <message>
        <source>Merged network reports (*.ccrm)</source>
        <translation>Informes de red fusionados (*.ccrm)</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Merge research network exports</source>
        <translation>Fusionar exportaciones para la red de investigación</translation>
    </message>
    <message>
        <source>Merges the exports of several clinics (.ccrx, one per clinic, made from the same report spec for the same network) into one file for the network&apos;s custodians. Nothing is decrypted here: each cell&apos;s encrypted totals are multiplied across the clinics, so nobody — neither this clinic nor the network — sees one clinic&apos;s own totals. Every file&apos;s signature, clinic and ciphertexts are checked; the custodians check everything again. The merge is recorded in this clinic&apos;s audit trail.</source>
        <translation>Fusiona las exportaciones de varias clínicas (.ccrx, una por clínica, hechas con la misma especificación de informe para la misma red) en un archivo para los custodios de la red. Aquí no se descifra nada: los totales cifrados de cada celda se multiplican entre las clínicas, así que nadie —ni esta clínica ni la red— ve los totales propios de una clínica. Se comprueban la firma, la clínica y los cifrados de cada archivo; los custodios vuelven a comprobarlo todo. La fusión queda registrada en el registro de auditoría de esta clínica.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Firmante</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Export files to merge</source>
        <translation>Archivos de exportación que fusionar</translation>
    </message>
    <message>
        <source> clinics</source>
        <translation> clínicas</translation>
    </message>
    <message>
        <source>Minimum number of clinics</source>
        <translation>Número mínimo de clínicas</translation>
    </message>
    <message>
        <source>Clinics&apos; exports</source>
        <translation>Exportaciones de las clínicas</translation>
    </message>
    <message>
        <source>Network &amp;key file:</source>
        <translation>Archivo de &amp;clave de la red:</translation>
    </message>
    <message>
        <source>At &amp;least:</source>
        <translation>Al &amp;menos:</translation>
    </message>
    <message>
        <source>&amp;Save the merged file as:</source>
        <translation>&amp;Guardar el archivo fusionado como:</translation>
    </message>
    <message>
        <source>Add a clinic&apos;s export</source>
        <translation>Añadir la exportación de una clínica</translation>
    </message>
    <message>
        <source>Research network exports (*.ccrx);;All files (*)</source>
        <translation>Exportaciones para redes de investigación (*.ccrx);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>not a signed report file: %1</source>
        <translation>no es un archivo de informe firmado: %1</translation>
    </message>
    <message>
        <source>not a research network export (a clinic makes one with Export to research network)</source>
        <translation>no es una exportación para una red de investigación (una clínica la crea con Exportar a la red de investigación)</translation>
    </message>
    <message>
        <source>not a research report</source>
        <translation>no es un informe de investigación</translation>
    </message>
    <message>
        <source>exported for another network (key id %1, not %2)</source>
        <translation>exportado para otra red (id. de clave %1, no %2)</translation>
    </message>
    <message>
        <source>the same clinic as %1: each clinic counts once</source>
        <translation>la misma clínica que %1: cada clínica cuenta una vez</translation>
    </message>
    <message>
        <source>made from another report spec than %1 (&quot;%2&quot;)</source>
        <translation>hecho con otra especificación de informe que %1 («%2»)</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>listo</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>rechazado: %1</translation>
    </message>
    <message>
        <source>%1 cannot be merged: %2</source>
        <translation>%1 no se puede fusionar: %2</translation>
    </message>
    <message>
        <source>Add the clinics&apos; export files (.ccrx).</source>
        <translation>Añada los archivos de exportación de las clínicas (.ccrx).</translation>
    </message>
    <message>
        <source>Choose the network key file.</source>
        <translation>Elija el archivo de clave de la red.</translation>
    </message>
    <message>
        <source>A merge needs at least %1 distinct clinics; %2 ready. Add more clinics&apos; exports.</source>
        <translation>Una fusión necesita al menos %1 clínicas distintas; hay %2 listas. Añada exportaciones de más clínicas.</translation>
    </message>
    <message>
        <source>%1 clinics&apos; exports of &quot;%2&quot; are ready to merge.</source>
        <translation>Las exportaciones de %1 clínicas de «%2» están listas para fusionar.</translation>
    </message>
    <message>
        <source>Not merged, nothing was written: %1</source>
        <translation>No se ha fusionado, no se ha escrito nada: %1</translation>
    </message>
    <message>
        <source>Merged, but %1 was not written: %2</source>
        <translation>Fusionado, pero %1 no se ha escrito: %2</translation>
    </message>
    <message numerus="yes">
        <source>Merged %n clinic(s)&apos; exports into %1 (merge id %2): %3. %4 cell(s) of &quot;%5&quot;. Next, each network custodian checks the merge again and decrypts the merged totals only (cipherchart-cli network decrypt-share, then network publish).</source>
        <translation>
            <numerusform>Fusionada la exportación de %n clínica en %1 (id. de fusión %2): %3. %4 celda(s) de «%5». Después, cada custodio de la red vuelve a comprobar la fusión y descifra solo los totales fusionados (cipherchart-cli network decrypt-share y luego network publish).</numerusform>
            <numerusform>Fusionadas las exportaciones de %n clínicas en %1 (id. de fusión %2): %3. %4 celda(s) de «%5». Después, cada custodio de la red vuelve a comprobar la fusión y descifra solo los totales fusionados (cipherchart-cli network decrypt-share y luego network publish).</numerusform>
        </translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation>Exami&amp;nar…</translation>
    </message>
    <message>
        <source>members.json, the network&apos;s signed member list</source>
        <translation>members.json, la lista firmada de miembros de la red</translation>
    </message>
    <message>
        <source>Network member list file</source>
        <translation>Archivo de la lista de miembros de la red</translation>
    </message>
    <message>
        <source>Member clinic</source>
        <translation>Clínica miembro</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportación</translation>
    </message>
    <message>
        <source>The network&apos;s member clinics and their exports</source>
        <translation>Las clínicas miembro de la red y sus exportaciones</translation>
    </message>
    <message>
        <source>Network members</source>
        <translation>Miembros de la red</translation>
    </message>
    <message>
        <source>Mem&amp;ber list:</source>
        <translation>Lista de mie&amp;mbros:</translation>
    </message>
    <message>
        <source>The network&apos;s member list</source>
        <translation>La lista de miembros de la red</translation>
    </message>
    <message>
        <source>Network member lists (*.json);;All files (*)</source>
        <translation>Listas de miembros de la red (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>signed by %1 (%2), not a member clinic of the network in %3</source>
        <translation>firmado por %1 (%2), que no es una clínica miembro de la red según %3</translation>
    </message>
    <message>
        <source>Optional: choose the network&apos;s signed member list (from the network) to see each member clinic and whether its export is here. Without it any clinic&apos;s export is accepted here; the network&apos;s custodians decrypt merges of member clinics only.</source>
        <translation>Opcional: elija la lista firmada de miembros de la red (la da la red) para ver cada clínica miembro y si su exportación está aquí. Sin ella aquí se acepta la exportación de cualquier clínica; los custodios de la red solo descifran fusiones de clínicas miembro.</translation>
    </message>
    <message>
        <source>Choose the network key file first: the member list %1 is checked against it.</source>
        <translation>Elija primero el archivo de clave de la red: la lista de miembros %1 se comprueba con ella.</translation>
    </message>
    <message>
        <source>%1 is not the member list of network &quot;%2&quot;, refused: %3</source>
        <translation>%1 no es la lista de miembros de la red «%2»; rechazada: %3</translation>
    </message>
    <message>
        <source>no export added</source>
        <translation>ninguna exportación añadida</translation>
    </message>
    <message>
        <source>present: %1</source>
        <translation>presente: %1</translation>
    </message>
    <message>
        <source>%1 added, but it cannot be merged</source>
        <translation>%1 añadido, pero no se puede fusionar</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n member clinic(s) of network &quot;%2&quot; have an export here; a file of any other clinic is refused.</source>
        <translation>
            <numerusform>%1 de %n clínica miembro de la red «%2» tiene aquí su exportación; se rechaza el archivo de cualquier otra clínica.</numerusform>
            <numerusform>%1 de %n clínicas miembro de la red «%2» tienen aquí su exportación; se rechaza el archivo de cualquier otra clínica.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::ui::NetworkOutputFile</name>
    <message>
        <source>C&amp;hoose…</source>
        <translation>E&amp;legir…</translation>
    </message>
    <message>
        <source>The new file to write (.%1)</source>
        <translation>El archivo nuevo que se escribirá (.%1)</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>Elija dónde guardar el archivo.</translation>
    </message>
    <message>
        <source>%1 exists already: a new file is written, never one replaced.</source>
        <translation>%1 ya existe: se escribe un archivo nuevo, nunca se sustituye uno.</translation>
    </message>
</context>
<context>
    <name>cc::ui::NewPatientDialog</name>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Registrar</translation>
    </message>
    <message>
        <source>Type the MRN or press Generate.</source>
        <translation>Escriba el NHC o pulse Generar.</translation>
    </message>
    <message>
        <source>The MRN %1 is already in use: type another or press Generate.</source>
        <translation>El NHC %1 ya está en uso: escriba otro o pulse Generar.</translation>
    </message>
    <message>
        <source>Possible duplicate: a patient with the same name and date of birth is already registered.</source>
        <translation>Posible duplicado: ya hay registrado un paciente con el mismo nombre y fecha de nacimiento.</translation>
    </message>
    <message>
        <source>On your list: %1.</source>
        <translation>En su lista: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n more not on your care team (ask the clinic&apos;s administrator).</source>
        <translation>
            <numerusform>%n más que no está en su equipo asistencial (pregunte al administrador de la clínica).</numerusform>
            <numerusform>%n más que no están en su equipo asistencial (pregunte al administrador de la clínica).</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard new patient</source>
        <translation>Descartar paciente nuevo</translation>
    </message>
    <message>
        <source>Close without registering? What you typed is lost.</source>
        <translation>¿Cerrar sin registrar? Se perderá lo que ha escrito.</translation>
    </message>
</context>
<context>
    <name>cc::ui::NoteDialog</name>
    <message>
        <source>Amend note</source>
        <translation>Corregir nota</translation>
    </message>
    <message>
        <source>Write the note&apos;s text.</source>
        <translation>Escriba el texto de la nota.</translation>
    </message>
    <message>
        <source>The note is longer than 1 MB.</source>
        <translation>La nota ocupa más de 1 MB.</translation>
    </message>
    <message>
        <source>The title is too long.</source>
        <translation>El título es demasiado largo.</translation>
    </message>
    <message>
        <source>Discard note</source>
        <translation>Descartar nota</translation>
    </message>
    <message>
        <source>Close without saving? What you typed is lost.</source>
        <translation>¿Cerrar sin guardar? Se perderá lo que ha escrito.</translation>
    </message>
</context>
<context>
    <name>cc::ui::NotesPage</name>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Eliminar nota</translation>
    </message>
    <message>
        <source>Delete the note &quot;%1&quot; of %2? This cannot be undone.</source>
        <translation>¿Eliminar la nota «%1» de %2? No se puede deshacer.</translation>
    </message>
    <message>
        <source>The note was saved. Showing the notes again failed: %1</source>
        <translation>La nota se guardó. No se pudieron volver a mostrar las notas: %1</translation>
    </message>
    <message>
        <source>The note was changed. Showing the notes again failed: %1</source>
        <translation>La nota se modificó. No se pudieron volver a mostrar las notas: %1</translation>
    </message>
    <message>
        <source>The note was deleted. Showing the notes again failed: %1</source>
        <translation>La nota se eliminó. No se pudieron volver a mostrar las notas: %1</translation>
    </message>
</context>
<context>
    <name>cc::ui::ObservationsPage</name>
    <message>
        <source>Observation</source>
        <translation>Observación</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Última</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Select an observation on the left.</source>
        <translation>Seleccione una observación a la izquierda.</translation>
    </message>
    <message>
        <source>%1 (LOINC %2)</source>
        <translation>%1 (LOINC %2)</translation>
    </message>
    <message>
        <source>%1: fewer than two values, no trend yet</source>
        <translation>%1: menos de dos valores, todavía sin tendencia</translation>
    </message>
    <message>
        <source>Value (%1)</source>
        <translation>Valor (%1)</translation>
    </message>
    <message>
        <source>Choose an observation.</source>
        <translation>Elija una observación.</translation>
    </message>
    <message>
        <source>Enter the value as a number.</source>
        <translation>Escriba el valor como un número.</translation>
    </message>
    <message>
        <source>Select an observation in the table to edit.</source>
        <translation>Seleccione en la tabla una observación para editarla.</translation>
    </message>
    <message>
        <source>Only numeric observations of the units catalogue can be edited here.</source>
        <translation>Aquí solo se pueden editar las observaciones numéricas del catálogo de unidades.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>New numeric observation</source>
        <translation>Nueva observación numérica</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>Select an observation in the table to delete.</source>
        <translation>Seleccione en la tabla una observación para eliminarla.</translation>
    </message>
    <message>
        <source>Delete observation</source>
        <translation>Eliminar observación</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source> — reference range %1</source>
        <translation> — intervalo de referencia %1</translation>
    </message>
    <message>
        <source>UCUM: %1</source>
        <translation>UCUM: %1</translation>
    </message>
    <message>
        <source>Not saved: %1 — %2</source>
        <translation>No guardado: %1 — %2</translation>
    </message>
    <message>
        <source>Not added: %1 — %2</source>
        <translation>No añadido: %1 — %2</translation>
    </message>
    <message>
        <source>Edit observation of %1</source>
        <translation>Editar observación de %1</translation>
    </message>
    <message>
        <source>New numeric observation for %1</source>
        <translation>Nueva observación numérica para %1</translation>
    </message>
    <message>
        <source>Delete %1 %2 of %3 from the chart of %4? The deletion is recorded in the audit trail.</source>
        <translation>¿Eliminar %1 %2 del %3 de la historia de %4? La eliminación queda en el registro de auditoría.</translation>
    </message>
</context>
<context>
    <name>cc::ui::OffThread</name>
    <message>
        <source>CipherChart — working</source>
        <translation>CipherChart — trabajando</translation>
    </message>
    <message>
        <source>%1

%2 s elapsed</source>
        <translation>%1

%2 s transcurridos</translation>
    </message>
</context>
<context>
    <name>cc::ui::PatientBanner</name>
    <message>
        <source>Medical record number (select to copy)</source>
        <translation>Número de historia clínica (selecciónelo para copiarlo)</translation>
    </message>
    <message>
        <source>Copy MRN</source>
        <translation>Copiar NHC</translation>
    </message>
    <message>
        <source>Copy the full MRN to the clipboard</source>
        <translation>Copiar el NHC completo al portapapeles</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Fallecido/a</translation>
    </message>
    <message>
        <source>Not in your patient list</source>
        <translation>No está en su lista de pacientes</translation>
    </message>
    <message>
        <source>This chart was opened by emergency access: the patient is not on your care team, so no row of the list is selected.</source>
        <translation>Esta historia se abrió por acceso de emergencia: el paciente no está en su equipo asistencial, así que no hay ninguna fila de la lista seleccionada.</translation>
    </message>
    <message>
        <source>MRN:</source>
        <translation>NHC:</translation>
    </message>
    <message>
        <source>age unknown</source>
        <translation>edad desconocida</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>nacido/a el %1</translation>
    </message>
    <message>
        <source>died %1</source>
        <translation>fallecido/a el %1</translation>
    </message>
    <message>
        <source>No known allergies</source>
        <translation>Sin alergias conocidas</translation>
    </message>
    <message>
        <source>%1 (high risk)</source>
        <translation>%1 (riesgo alto)</translation>
    </message>
    <message>
        <source>Allergies: %1</source>
        <translation>Alergias: %1</translation>
    </message>
    <message>
        <source>Emergency access</source>
        <translation>Acceso de emergencia</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 año</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 años</translation>
    </message>
</context>
<context>
    <name>cc::ui::PatientListModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>NHC</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>MRN %1</source>
        <translation>NHC %1</translation>
    </message>
</context>
<context>
    <name>cc::ui::PatientWindow</name>
    <message>
        <source>&amp;My record</source>
        <translation>&amp;Mi historia</translation>
    </message>
    <message>
        <source>Logged in: %1</source>
        <translation>Sesión iniciada: %1</translation>
    </message>
    <message>
        <source>CipherChart — My record — %1</source>
        <translation>CipherChart — Mi historia — %1</translation>
    </message>
    <message>
        <source>This account is not linked to a patient record.</source>
        <translation>Esta cuenta no está vinculada a ninguna historia de paciente.</translation>
    </message>
    <message>
        <source>You have opted out: your data is left out of research statistics.</source>
        <translation>Ha optado por no participar: sus datos quedan fuera de las estadísticas de investigación.</translation>
    </message>
    <message>
        <source>Your coded data is included in anonymous research statistics.</source>
        <translation>Sus datos codificados se incluyen en las estadísticas anónimas de investigación.</translation>
    </message>
    <message>
        <source>Include your coded data in the clinic&apos;s anonymous research statistics from now on?</source>
        <translation>¿Incluir a partir de ahora sus datos codificados en las estadísticas anónimas de investigación de la clínica?</translation>
    </message>
    <message>
        <source>Take your data out of the clinic&apos;s research statistics? Every report run from now on leaves it out.</source>
        <translation>¿Retirar sus datos de las estadísticas de investigación de la clínica? Todos los informes que se ejecuten a partir de ahora los dejarán fuera.</translation>
    </message>
    <message>
        <source>Research use of my data</source>
        <translation>Uso de mis datos en investigación</translation>
    </message>
    <message>
        <source>Your record was saved as FHIR.</source>
        <translation>Su historia se ha guardado como FHIR.</translation>
    </message>
    <message>
        <source>&amp;Print my summary (PDF)…</source>
        <translation>&amp;Imprimir mi resumen (PDF)…</translation>
    </message>
    <message>
        <source>Save a readable summary of your record as a PDF you can print or keep</source>
        <translation>Guarda un resumen legible de su historia como PDF para imprimirlo o conservarlo</translation>
    </message>
    <message>
        <source>Your summary was saved to %1</source>
        <translation>Su resumen se guardó en %1</translation>
    </message>
    <message>
        <source>Your record as the clinic last brought it up to date: %1</source>
        <translation>Su historia tal como la clínica la actualizó por última vez: %1</translation>
    </message>
    <message>
        <source>You asked to opt out. It applies before the clinic&apos;s next report; your record shows it once the clinic has brought your portal up to date.</source>
        <translation>Ha pedido excluirse. Se aplica antes del próximo informe de la clínica; su historia lo mostrará cuando la clínica haya actualizado su portal.</translation>
    </message>
    <message>
        <source>You asked to be included again. It applies before the clinic&apos;s next report; your record shows it once the clinic has brought your portal up to date.</source>
        <translation>Ha pedido volver a ser incluido. Se aplica antes del próximo informe de la clínica; su historia lo mostrará cuando la clínica haya actualizado su portal.</translation>
    </message>
</context>
<context>
    <name>cc::ui::RecoveryDialog</name>
    <message>
        <source>&amp;Recover access</source>
        <translation>&amp;Recuperar el acceso</translation>
    </message>
    <message>
        <source>Recovery share %1</source>
        <translation>Parte de recuperación %1</translation>
    </message>
    <message>
        <source>Share &amp;%1:</source>
        <translation>Parte &amp;%1:</translation>
    </message>
    <message>
        <source>Waiting for this share.</source>
        <translation>Esperando esta parte.</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>belongs to another set (threshold %1, not %2)</source>
        <translation>pertenece a otro conjunto (umbral %1, no %2)</translation>
    </message>
    <message>
        <source>share number %1 was already typed above</source>
        <translation>la parte número %1 ya se ha escrito arriba</translation>
    </message>
    <message>
        <source>✗ Checksum matches, but this share %1.</source>
        <translation>✗ La suma de control coincide, pero esta parte %1.</translation>
    </message>
    <message>
        <source>✓ Checksum matches: share number %1 of a set that needs %2.</source>
        <translation>✓ La suma de control coincide: parte número %1 de un conjunto que necesita %2.</translation>
    </message>
    <message>
        <source>Opening the recovery ring…</source>
        <translation>Abriendo el anillo de recuperación…</translation>
    </message>
    <message>
        <source>Access was not restored: %1</source>
        <translation>No se ha recuperado el acceso: %1</translation>
    </message>
    <message>
        <source>A new %1 account &quot;%2&quot; was created from the recovery key.</source>
        <translation>Se ha creado una cuenta nueva de %1 «%2» con la clave de recuperación.</translation>
    </message>
    <message>
        <source>The %1 account &quot;%2&quot; has a new key slot from the recovery key.</source>
        <translation>La cuenta de %1 «%2» tiene una ranura de claves nueva creada con la clave de recuperación.</translation>
    </message>
    <message>
        <source>Log in with the temporary password; you will be asked to choose a new one. The shares stay valid: put them back in safe keeping.</source>
        <translation>Inicie sesión con la contraseña temporal; se le pedirá que elija una nueva. Las partes siguen siendo válidas: vuelva a guardarlas en lugar seguro.</translation>
    </message>
    <message>
        <source>&amp;Issue the new shares</source>
        <translation>&amp;Emitir los fragmentos nuevos</translation>
    </message>
    <message>
        <source>shares restore the clinic (one per custodian)</source>
        <translation>fragmentos restauran la clínica (uno por custodio)</translation>
    </message>
    <message>
        <source>✗ more shares needed than printed</source>
        <translation>✗ se necesitan más fragmentos de los que se imprimen</translation>
    </message>
    <message>
        <source>Sealing the recovery ring under a new key…</source>
        <translation>Sellando el anillo de recuperación con una clave nueva…</translation>
    </message>
    <message>
        <source>The shares were not re-issued: %1</source>
        <translation>Los fragmentos no se volvieron a emitir: %1</translation>
    </message>
    <message>
        <source>Share %1: %2</source>
        <translation>Fragmento %1: %2</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Aviso: %1</translation>
    </message>
    <message>
        <source>Save the recovery share pages</source>
        <translation>Guardar las páginas de los fragmentos de recuperación</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Recovery share %1 of %2</source>
        <translation>Fragmento de recuperación %1 de %2</translation>
    </message>
    <message>
        <source>Clinic: %1 (id %2). Any %3 of the %4 shares restore the clinic. Recovery key %5, version %6.</source>
        <translation>Clínica: %1 (id %2). %3 cualesquiera de los %4 fragmentos restauran la clínica. Clave de recuperación %5, versión %6.</translation>
    </message>
    <message>
        <source>Custodian: ______________________________   Received on: ______________</source>
        <translation>Custodio: ______________________________   Recibido el: ______________</translation>
    </message>
    <message>
        <source>Keep this page sealed, apart from the other shares, and show it to nobody. It is used only when every administrator password is lost (the recovery window, or cipherchart-cli keys recover) or to re-issue the shares.</source>
        <translation>Guarde esta página en un sobre cerrado, separada de los demás fragmentos, y no la muestre a nadie. Solo se usa cuando se han perdido todas las contraseñas de administrador (la ventana de recuperación, o cipherchart-cli keys recover) o para volver a emitir los fragmentos.</translation>
    </message>
    <message>
        <source>Shares printed before this set no longer work: destroy them.</source>
        <translation>Los fragmentos impresos antes de este juego ya no sirven: destrúyalos.</translation>
    </message>
    <message>
        <source>CipherChart recovery shares</source>
        <translation>Fragmentos de recuperación de CipherChart</translation>
    </message>
    <message>
        <source>The pages were not saved: %1</source>
        <translation>Las páginas no se guardaron: %1</translation>
    </message>
    <message>
        <source>New recovery shares issued: %1 of %2 restore the clinic (recovery key %3, version %4). The old shares no longer open this clinic&apos;s recovery ring. Save the printable pages, print one page for each custodian, then delete the file. Anyone who kept a copy of the old recovery.ccr can still open it with the old shares: if a custodian left, rotate the keys as well (the key documentation says what that does and does not cut off).</source>
        <translation>Fragmentos de recuperación nuevos emitidos: %1 de %2 restauran la clínica (clave de recuperación %3, versión %4). Los fragmentos antiguos ya no abren el anillo de recuperación de esta clínica. Guarde las páginas imprimibles, imprima una página para cada custodio y luego borre el archivo. Quien conserve una copia del recovery.ccr antiguo aún puede abrirla con los fragmentos antiguos: si un custodio se ha ido, rote también las claves (la documentación de claves explica qué corta eso y qué no).</translation>
    </message>
    <message>
        <source>One page per custodian (%1 pages) saved. Print them, then delete the file:</source>
        <translation>Una página por custodio (%1 páginas) guardada. Imprímalas y luego borre el archivo:</translation>
    </message>
</context>
<context>
    <name>cc::ui::ReportCellModel</name>
    <message>
        <source>Estimate interpolated from the histogram; quartiles about %1 and %2</source>
        <translation>Estimación interpolada del histograma; cuartiles de unos %1 y %2</translation>
    </message>
    <message>
        <source>~%1 (estimate)</source>
        <translation>~%1 (estimación)</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>cifrada</translation>
    </message>
    <message>
        <source>suppressed: %1</source>
        <translation>suprimida: %1</translation>
    </message>
    <message>
        <source>published</source>
        <translation>publicada</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>n (patients)</source>
        <translation>n (pacientes)</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Observaciones</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>SD</source>
        <translation>DE</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Mediana</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>not estimable</source>
        <translation>no estimable</translation>
    </message>
</context>
<context>
    <name>cc::ui::ReportCharts</name>
    <message>
        <source>%1 — %2: encrypted, no figures yet</source>
        <translation>%1 — %2: cifrada, aún sin cifras</translation>
    </message>
    <message>
        <source>%1 — %2: suppressed (%3)</source>
        <translation>%1 — %2: suprimida (%3)</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Observaciones</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Histogram of %1 (%2) — %3</source>
        <translation>Histograma de %1 (%2) — %3</translation>
    </message>
    <message>
        <source>observations</source>
        <translation>observaciones</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>%1 (suppressed)</source>
        <translation>%1 (suprimida)</translation>
    </message>
    <message>
        <source>Mean %1 (%2) per group</source>
        <translation>Media de %1 (%2) por grupo</translation>
    </message>
</context>
<context>
    <name>cc::ui::ReportPdf</name>
    <message>
        <source>page %1</source>
        <translation>página %1</translation>
    </message>
    <message>
        <source>Report %1 · report key %2 · signed by the clinic key with fingerprint %3</source>
        <translation>Informe %1 · clave de informes %2 · firmado con la clave de la clínica de huella %3</translation>
    </message>
    <message>
        <source>%1 — published %2</source>
        <translation>%1 — publicado el %2</translation>
    </message>
    <message>
        <source>Cells with fewer than %1 distinct patients are suppressed, with complementary suppression so that none can be recovered from the others. Medians are estimates interpolated from the histogram; histogram bins were merged until each holds at least %1 patients.</source>
        <translation>Las celdas con menos de %1 pacientes distintos se suprimen, con supresión complementaria para que ninguna pueda deducirse de las demás. Las medianas son estimaciones interpoladas del histograma; los intervalos del histograma se han fusionado hasta que cada uno contiene al menos %1 pacientes.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Suppressed: %1</source>
        <translation>Suprimida: %1</translation>
    </message>
    <message>
        <source>median ~%1 (estimate; quartiles ~%2 and ~%3)</source>
        <translation>mediana ~%1 (estimación; cuartiles ~%2 y ~%3)</translation>
    </message>
    <message>
        <source>median and quartiles not estimable (the histogram&apos;s bins are too wide after disclosure control)</source>
        <translation>mediana y cuartiles no estimables (los intervalos del histograma son demasiado anchos tras el control de divulgación)</translation>
    </message>
    <message>
        <source>n = %1 patients (%2 observations); mean %3; SD %4; %5</source>
        <translation>n = %1 pacientes (%2 observaciones); media %3; DE %4; %5</translation>
    </message>
</context>
<context>
    <name>cc::ui::ReportSettingsTab</name>
    <message>
        <source> distinct patients</source>
        <translation> pacientes distintos</translation>
    </message>
    <message>
        <source>Minimum cell size</source>
        <translation>Tamaño mínimo de celda</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Aplicar</translation>
    </message>
    <message>
        <source>Disclosure control: a published report shows a cell&apos;s figures only if at least this many distinct patients are in it; smaller cells are withheld (suppressed), and so is a second small cell that would let the first be computed from a total. A cohort that differs from an earlier published one by too few patients is refused. Never below %1; the default is %2. The setting applies to reports published from now on, and each change is recorded in the audit trail.</source>
        <translation>Control de divulgación: un informe publicado muestra las cifras de una celda solo si contiene al menos este número de pacientes distintos; las celdas menores se retienen (se suprimen), y también una segunda celda pequeña que permitiría deducir la primera a partir de un total. Se rechaza una cohorte que difiere de otra ya publicada en demasiado pocos pacientes. Nunca menos de %1; el valor por omisión es %2. El ajuste se aplica a los informes que se publiquen a partir de ahora, y cada cambio queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>&amp;Publish only cells with at least:</source>
        <translation>&amp;Publicar solo celdas con al menos:</translation>
    </message>
    <message>
        <source>Small-cell suppression</source>
        <translation>Supresión de celdas pequeñas</translation>
    </message>
    <message numerus="yes">
        <source>The minimum cell size is %n distinct patient(s) already.</source>
        <translation>
            <numerusform>El tamaño mínimo de celda ya es de %n paciente distinto.</numerusform>
            <numerusform>El tamaño mínimo de celda ya es de %n pacientes distintos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Smaller cells will be published than before: fewer figures are withheld, and each published figure rests on fewer patients.</source>
        <translation>Se publicarán celdas más pequeñas que antes: se retienen menos cifras, y cada cifra publicada se basa en menos pacientes.</translation>
    </message>
    <message>
        <source>More cells will be withheld than before.</source>
        <translation>Se retendrán más celdas que antes.</translation>
    </message>
    <message numerus="yes">
        <source>Publish only cells with at least %n distinct patient(s)? %1 Reports already published are not changed.</source>
        <translation>
            <numerusform>¿Publicar solo celdas con al menos %n paciente distinto? %1 Los informes ya publicados no cambian.</numerusform>
            <numerusform>¿Publicar solo celdas con al menos %n pacientes distintos? %1 Los informes ya publicados no cambian.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Published cells now need at least %n distinct patient(s).</source>
        <translation>
            <numerusform>Las celdas publicadas necesitan ahora al menos %n paciente distinto.</numerusform>
            <numerusform>Las celdas publicadas necesitan ahora al menos %n pacientes distintos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::ui::ReportText</name>
    <message>
        <source>Research: patients who opted out of research use are left out.</source>
        <translation>Investigación: se excluye a los pacientes que rechazaron el uso en investigación.</translation>
    </message>
    <message>
        <source>Quality of the clinic&apos;s own care: every patient is included, those who opted out of research too. Not for research use.</source>
        <translation>Calidad de la asistencia de la propia clínica: se incluye a todos los pacientes, también a los que rechazaron la investigación. No apto para investigación.</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>Investigación</translation>
    </message>
    <message>
        <source>Quality of care</source>
        <translation>Calidad asistencial</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>sexo</translation>
    </message>
    <message>
        <source>age band</source>
        <translation>franja de edad</translation>
    </message>
    <message>
        <source>year</source>
        <translation>año</translation>
    </message>
    <message>
        <source>female</source>
        <translation>mujer</translation>
    </message>
    <message>
        <source>male</source>
        <translation>hombre</translation>
    </message>
    <message>
        <source>other sex</source>
        <translation>otro sexo</translation>
    </message>
    <message>
        <source>sex unknown</source>
        <translation>sexo desconocido</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 años</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>todos</translation>
    </message>
    <message>
        <source>Measures: %1.</source>
        <translation>Medidas: %1.</translation>
    </message>
    <message>
        <source>Each patient&apos;s latest value of each measure.</source>
        <translation>El último valor de cada paciente en cada medida.</translation>
    </message>
    <message>
        <source>Every observation of each measure.</source>
        <translation>Todas las observaciones de cada medida.</translation>
    </message>
    <message>
        <source>sex %1</source>
        <translation>sexo %1</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>aged %1 at the observation</source>
        <translation>con %1 en la observación</translation>
    </message>
    <message>
        <source>observed in %1–%2</source>
        <translation>observados en %1–%2</translation>
    </message>
    <message>
        <source>Patients: all patients with the measure.</source>
        <translation>Pacientes: todos los que tienen la medida.</translation>
    </message>
    <message>
        <source>Patients: %1.</source>
        <translation>Pacientes: %1.</translation>
    </message>
    <message>
        <source>Patients who opted out of research use are left out.</source>
        <translation>Se excluye a los pacientes que rechazaron el uso en investigación.</translation>
    </message>
    <message>
        <source>Everyone is included, patients who opted out of research too (quality of care).</source>
        <translation>Se incluye a todos, también a los pacientes que rechazaron la investigación (calidad asistencial).</translation>
    </message>
    <message>
        <source>One cell per measure.</source>
        <translation>Una celda por medida.</translation>
    </message>
    <message numerus="yes">
        <source>One cell per measure and %1: %n cell(s).</source>
        <translation>
            <numerusform>Una celda por medida y %1: %n celda.</numerusform>
            <numerusform>Una celda por medida y %1: %n celdas.</numerusform>
        </translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>fewer than %1 patients</source>
        <translation>menos de %1 pacientes</translation>
    </message>
    <message>
        <source>complementary suppression (protects another suppressed cell)</source>
        <translation>supresión complementaria (protege otra celda suprimida)</translation>
    </message>
    <message>
        <source>with a condition coded %1</source>
        <translation>con una afección codificada %1</translation>
    </message>
</context>
<context>
    <name>cc::ui::ReportView</name>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exportar &amp;PDF…</translation>
    </message>
    <message>
        <source>Report cells</source>
        <translation>Celdas del informe</translation>
    </message>
    <message>
        <source>Published %1 from the decryption shares of custodian(s) %2; minimum cell size %3 patients.</source>
        <translation>Publicado el %1 con las partes de descifrado de los custodios %2; tamaño mínimo de celda %3 pacientes.</translation>
    </message>
    <message numerus="yes">
        <source>Encrypted: every figure, counts included, is still inside its ciphertext (%n cell(s)).</source>
        <translation>
            <numerusform>Cifrado: todas las cifras, recuentos incluidos, siguen dentro de su texto cifrado (%n celda).</numerusform>
            <numerusform>Cifrado: todas las cifras, recuentos incluidos, siguen dentro de su texto cifrado (%n celdas).</numerusform>
        </translation>
    </message>
    <message>
        <source>Decryption shares: %1 of %2 needed (of %3 custodians).</source>
        <translation>Partes de descifrado: %1 de las %2 necesarias (de %3 custodios).</translation>
    </message>
    <message>
        <source>Published: the figures are in the published report.</source>
        <translation>Publicado: las cifras están en el informe publicado.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Clinic:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Purpose:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;What it covers:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Created:&lt;/b&gt; %4 · &lt;b&gt;report id&lt;/b&gt; %5 · &lt;b&gt;report key&lt;/b&gt; %6 · &lt;b&gt;signed by the clinic key&lt;/b&gt; %7</source>
        <translation>&lt;b&gt;Clínica:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Finalidad:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Qué abarca:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Creado:&lt;/b&gt; %4 · &lt;b&gt;id. del informe&lt;/b&gt; %5 · &lt;b&gt;clave de informes&lt;/b&gt; %6 · &lt;b&gt;firmado con la clave de la clínica&lt;/b&gt; %7</translation>
    </message>
    <message>
        <source>No report open</source>
        <translation>Ningún informe abierto</translation>
    </message>
    <message>
        <source>Run a report, choose one in the list or open a report file.</source>
        <translation>Ejecute un informe, elija uno de la lista o abra un archivo de informe.</translation>
    </message>
    <message>
        <source>Export report as CSV</source>
        <translation>Exportar el informe como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>No exportado: %1</translation>
    </message>
    <message>
        <source>CSV written to %1</source>
        <translation>CSV escrito en %1</translation>
    </message>
    <message>
        <source>Export report as PDF</source>
        <translation>Exportar el informe como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>Archivos PDF (*.pdf);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>PDF written to %1</source>
        <translation>PDF escrito en %1</translation>
    </message>
</context>
<context>
    <name>cc::ui::ReportsPage</name>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Informes</translation>
    </message>
    <message>
        <source>&amp;New report</source>
        <translation>&amp;Nuevo informe</translation>
    </message>
    <message>
        <source>For example: Blood pressure by sex</source>
        <translation>Por ejemplo: Presión arterial por sexo</translation>
    </message>
    <message>
        <source>Research (patients who opted out are left out)</source>
        <translation>Investigación (se excluye a quien la rechazó)</translation>
    </message>
    <message>
        <source>Quality of the clinic&apos;s own care (everyone included)</source>
        <translation>Calidad de la asistencia de la propia clínica (todos incluidos)</translation>
    </message>
    <message>
        <source>Search measures by name or LOINC code</source>
        <translation>Buscar medidas por nombre o código LOINC</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Medidas</translation>
    </message>
    <message>
        <source>Every observation</source>
        <translation>Todas las observaciones</translation>
    </message>
    <message>
        <source>Each patient&apos;s latest value</source>
        <translation>El último valor de cada paciente</translation>
    </message>
    <message>
        <source>Only observations from</source>
        <translation>Solo observaciones de</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>no grouping</source>
        <translation>sin agrupar</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>sexo</translation>
    </message>
    <message>
        <source>age band</source>
        <translation>franja de edad</translation>
    </message>
    <message>
        <source>year</source>
        <translation>año</translation>
    </message>
    <message>
        <source>then</source>
        <translation>y luego</translation>
    </message>
    <message>
        <source>R&amp;un report…</source>
        <translation>E&amp;jecutar informe…</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Finalidad:</translation>
    </message>
    <message>
        <source>&amp;Measures:</source>
        <translation>&amp;Medidas:</translation>
    </message>
    <message>
        <source>&amp;Selection:</source>
        <translation>&amp;Selección:</translation>
    </message>
    <message>
        <source>Sex (none ticked: all):</source>
        <translation>Sexo (ninguno marcado: todos):</translation>
    </message>
    <message>
        <source>Age bands (none ticked: all):</source>
        <translation>Franjas de edad (ninguna marcada: todas):</translation>
    </message>
    <message>
        <source>Years:</source>
        <translation>Años:</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;Agrupar por:</translation>
    </message>
    <message>
        <source>The cohort in words</source>
        <translation>La cohorte en palabras</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Report id</source>
        <translation>Id. del informe</translation>
    </message>
    <message>
        <source>The clinic&apos;s reports</source>
        <translation>Los informes de la clínica</translation>
    </message>
    <message>
        <source>&amp;Open report file…</source>
        <translation>&amp;Abrir archivo de informe…</translation>
    </message>
    <message>
        <source>&amp;Decrypt my share…</source>
        <translation>&amp;Descifrar mi parte…</translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation>&amp;Publicar…</translation>
    </message>
    <message>
        <source>Open report file</source>
        <translation>Abrir archivo de informe</translation>
    </message>
    <message>
        <source>report builder</source>
        <translation>generador de informes</translation>
    </message>
    <message>
        <source>Not a complete report yet: %1</source>
        <translation>Aún no es un informe completo: %1</translation>
    </message>
    <message>
        <source>Each cell needs at least the clinic&apos;s minimum number of distinct patients (11 unless an administrator changed it) or it is suppressed, together with any cell that would let it be recovered.</source>
        <translation>Cada celda necesita al menos el número mínimo de pacientes distintos de la clínica (11 salvo que un administrador lo haya cambiado); si no, se suprime, junto con cualquier celda que permitiría deducirla.</translation>
    </message>
    <message>
        <source>With %1 cells, many are likely to be suppressed in a small clinic: consider fewer groupings or wider filters.</source>
        <translation>Con %1 celdas, es probable que en una clínica pequeña se supriman muchas: considere menos agrupaciones o filtros más amplios.</translation>
    </message>
    <message>
        <source>published</source>
        <translation>publicado</translation>
    </message>
    <message>
        <source>encrypted — shares %1 of %2</source>
        <translation>cifrado — partes %1 de %2</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>cifrado</translation>
    </message>
    <message>
        <source>Not listed, not a valid signed report file: %1</source>
        <translation>No listado, no es un archivo de informe firmado válido: %1</translation>
    </message>
    <message>
        <source>Reports are not available in this window.</source>
        <translation>Los informes no están disponibles en esta ventana.</translation>
    </message>
    <message>
        <source>The report file %1 was refused and is not shown: %2</source>
        <translation>El archivo de informe %1 se ha rechazado y no se muestra: %2</translation>
    </message>
    <message>
        <source>Run report</source>
        <translation>Ejecutar informe</translation>
    </message>
    <message>
        <source>Run &quot;%1&quot;?

%2

The run chooses the rows by blind tokens only, checks each row&apos;s authentication and multiplies their ciphertexts; no patient&apos;s value or identity is decrypted. The encrypted report is signed with the clinic key, saved in %3 and recorded in the audit trail. It has no figures until the custodians have decrypted their shares.</source>
        <translation>¿Ejecutar «%1»?

%2

La ejecución elige las filas solo mediante tókenes ciegos, comprueba la autenticación de cada fila y multiplica sus textos cifrados; no se descifra el valor ni la identidad de ningún paciente. El informe cifrado se firma con la clave de la clínica, se guarda en %3 y queda en el registro de auditoría. No tendrá cifras hasta que los custodios hayan descifrado sus partes.</translation>
    </message>
    <message>
        <source>Running the encrypted report: selecting the rows and multiplying their ciphertexts…</source>
        <translation>Ejecutando el informe cifrado: seleccionando las filas y multiplicando sus textos cifrados…</translation>
    </message>
    <message>
        <source>The report was not run: %1</source>
        <translation>El informe no se ha ejecutado: %1</translation>
    </message>
    <message>
        <source>The report ran but was not saved: %1</source>
        <translation>El informe se ha ejecutado pero no se ha guardado: %1</translation>
    </message>
    <message>
        <source>Encrypted report saved as %1. The custodians now decrypt their shares.</source>
        <translation>Informe cifrado guardado como %1. Ahora los custodios descifran sus partes.</translation>
    </message>
    <message>
        <source>Recomputing every cell from the clinic&apos;s rows, then decrypting your share…</source>
        <translation>Recalculando cada celda a partir de las filas de la clínica y descifrando después su parte…</translation>
    </message>
    <message>
        <source>Publish report</source>
        <translation>Publicar informe</translation>
    </message>
    <message>
        <source>Publish &quot;%1&quot;?

The custodians&apos; shares are checked (an invalid one is named and skipped), the released cells decrypted, disclosure control applied and the figures written into a new signed report file in %2. The cohort is remembered (as keyed hashes) for later differencing checks. Recorded in the audit trail.</source>
        <translation>¿Publicar «%1»?

Se comprueban las partes de los custodios (una no válida se nombra y se descarta), se descifran las celdas liberadas, se aplica el control de divulgación y las cifras se escriben en un nuevo archivo de informe firmado en %2. La cohorte se recuerda (como resúmenes con clave) para comprobaciones de diferenciación posteriores. Queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Combining the decryption shares and applying disclosure control…</source>
        <translation>Combinando las partes de descifrado y aplicando el control de divulgación…</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>No publicado: %1</translation>
    </message>
    <message>
        <source>Published but not saved: %1</source>
        <translation>Publicado pero no guardado: %1</translation>
    </message>
    <message>
        <source>Published report saved as %1.</source>
        <translation>Informe publicado guardado como %1.</translation>
    </message>
    <message>
        <source>Skipped as invalid: %1</source>
        <translation>Descartadas por no válidas: %1</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Ajustes</translation>
    </message>
    <message>
        <source>SNOMED CT codes, for example 44054006 15777000 (empty: every patient)</source>
        <translation>Códigos SNOMED CT, por ejemplo 44054006 15777000 (vacío: todos los pacientes)</translation>
    </message>
    <message>
        <source>Only patients with a condition of any of these SNOMED CT codes.</source>
        <translation>Solo pacientes con una afección de alguno de estos códigos SNOMED CT.</translation>
    </message>
    <message>
        <source>With &amp;conditions:</source>
        <translation>Con &amp;afecciones:</translation>
    </message>
    <message>
        <source>E&amp;xport to research network…</source>
        <translation>E&amp;xportar a la red de investigación…</translation>
    </message>
    <message>
        <source>&amp;Merge network exports…</source>
        <translation>&amp;Fusionar exportaciones para la red…</translation>
    </message>
    <message>
        <source>Merge several clinics&apos; exports for a research network into one file</source>
        <translation>Fusionar en un archivo las exportaciones de varias clínicas para una red de investigación</translation>
    </message>
    <message>
        <source>Export this report&apos;s released cells to a research network</source>
        <translation>Exportar las celdas publicadas de este informe a una red de investigación</translation>
    </message>
    <message>
        <source>Only a published research report of this clinic can be exported to a research network</source>
        <translation>Solo se puede exportar a una red de investigación un informe de investigación publicado de esta clínica</translation>
    </message>
    <message>
        <source>Recomputing every cell from the clinic&apos;s rows, combining the custodians&apos; shares and re-encrypting the released totals under the network key…</source>
        <translation>Recalculando cada celda a partir de las filas de la clínica, combinando las partes de los custodios y cifrando de nuevo los totales publicables con la clave de la red…</translation>
    </message>
    <message>
        <source>Checking every export and multiplying the clinics&apos; encrypted totals cell by cell…</source>
        <translation>Comprobando cada exportación y multiplicando celda a celda los totales cifrados de las clínicas…</translation>
    </message>
    <message>
        <source>exported (network %1)</source>
        <translation>exportado (red %1)</translation>
    </message>
    <message>
        <source>exported (networks %1)</source>
        <translation>exportado (redes %1)</translation>
    </message>
</context>
<context>
    <name>cc::ui::ReviewDialog</name>
    <message>
        <source>Waiting for review</source>
        <translation>Pendiente de revisión</translation>
    </message>
    <message>
        <source>Nothing waits for review.</source>
        <translation>No hay nada pendiente de revisión.</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>No registrado: %1</translation>
    </message>
    <message numerus="yes">
        <source>Review recorded in the audit trail (event %1). %n event(s) still wait.</source>
        <translation>
            <numerusform>Revisión registrada en el registro de auditoría (evento %1). Queda %n evento pendiente.</numerusform>
            <numerusform>Revisión registrada en el registro de auditoría (evento %1). Quedan %n eventos pendientes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::ui::ReviewTableModel</name>
    <message>
        <source>Security alert (flagged)</source>
        <translation>Alerta de seguridad (marcada)</translation>
    </message>
    <message>
        <source>Emergency access (flagged)</source>
        <translation>Acceso de emergencia (marcado)</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Rechazado: %1</translation>
    </message>
    <message>
        <source>Reviewed by %1: %2</source>
        <translation>Revisado por %1: %2</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>Pendiente de revisión</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Reason / detail</source>
        <translation>Motivo / detalle</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
</context>
<context>
    <name>cc::ui::RotateKeyDialog</name>
    <message>
        <source>&amp;Rotate</source>
        <translation>&amp;Rotar</translation>
    </message>
    <message numerus="yes">
        <source>now version %1, id %2, %n day(s) old</source>
        <translation>
            <numerusform>ahora versión %1, id %2, de %n día</numerusform>
            <numerusform>ahora versión %1, id %2, de %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>A new random database key replaces the current one and the whole database file is re-encrypted with it (SQLCipher rekey).</source>
        <translation>Una clave aleatoria nueva sustituye a la actual y todo el archivo de la base de datos se vuelve a cifrar con ella (rekey de SQLCipher).</translation>
    </message>
    <message>
        <source>Every page of the database is rewritten: about a second per 100 MB; the clinic is unusable meanwhile. Backups made before keep the old key.</source>
        <translation>Se reescribe cada página de la base de datos: alrededor de un segundo por cada 100 MB; mientras tanto la clínica no puede usarse. Las copias hechas antes conservan la clave antigua.</translation>
    </message>
    <message>
        <source>A new identity category key replaces the current one; every patient&apos;s identity key is re-wrapped under it in one transaction.</source>
        <translation>Una clave nueva de la categoría de identidad sustituye a la actual; la clave de identidad de cada paciente se vuelve a envolver con ella en una sola transacción.</translation>
    </message>
    <message>
        <source>One small re-wrap per patient: fast even for thousands of patients.</source>
        <translation>Un pequeño reenvoltorio por paciente: rápido incluso con miles de pacientes.</translation>
    </message>
    <message>
        <source>A new clinical category key replaces the current one; every patient&apos;s clinical key and every confidential-note key is re-wrapped under it. A doctor must take part: administrators never hold this key.</source>
        <translation>Una clave nueva de la categoría clínica sustituye a la actual; la clave clínica de cada paciente y la clave de cada nota confidencial se vuelven a envolver con ella. Debe participar un médico: los administradores nunca tienen esta clave.</translation>
    </message>
    <message>
        <source>One small re-wrap per patient and per confidential key: fast even for thousands of patients.</source>
        <translation>Un pequeño reenvoltorio por paciente y por clave confidencial: rápido incluso con miles de pacientes.</translation>
    </message>
    <message>
        <source>The new key is sealed into the key-slot file&apos;s mailbox for each holder, who takes it at the next login (no password is needed now; disabled accounts get nothing):</source>
        <translation>La clave nueva se sella en el buzón del archivo de ranuras de claves para cada titular, que la recoge en su siguiente inicio de sesión (ahora no hace falta ninguna contraseña; las cuentas desactivadas no reciben nada):</translation>
    </message>
    <message>
        <source>Your session then ends: your key ring holds the old key. The rotation is recorded in the audit trail.</source>
        <translation>Después su sesión termina: su anillo de claves tiene la clave antigua. La rotación queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Rotating the key…</source>
        <translation>Rotando la clave…</translation>
    </message>
    <message>
        <source>Not rotated: %1</source>
        <translation>No rotada: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 rotated to version %2 (id %3), sealed for %n recipient(s) including the recovery ring. Your session has ended: close this window and log in again to take the new key.</source>
        <translation>
            <numerusform>%1 rotada a la versión %2 (id %3), sellada para %n destinatario, incluido el anillo de recuperación. Su sesión ha terminado: cierre esta ventana y vuelva a iniciar sesión para recoger la clave nueva.</numerusform>
            <numerusform>%1 rotada a la versión %2 (id %3), sellada para %n destinatarios, incluido el anillo de recuperación. Su sesión ha terminado: cierre esta ventana y vuelva a iniciar sesión para recoger la clave nueva.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::ui::SessionFlow</name>
    <message>
        <source>The session has ended after 12 hours. Please log in again.</source>
        <translation>La sesión ha terminado tras 12 horas. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Abrir archivo</translation>
    </message>
    <message>
        <source>%1 was not opened: report files and backups are opened by an administrator, after the administrator&apos;s login.</source>
        <translation>%1 no se ha abierto: los archivos de informe y las copias de seguridad los abre un administrador, tras iniciar su sesión.</translation>
    </message>
</context>
<context>
    <name>cc::ui::SessionWindow</name>
    <message>
        <source>Logged in as %1.</source>
        <translation>Sesión iniciada como %1.</translation>
    </message>
    <message>
        <source>CipherChart — %1</source>
        <translation>CipherChart — %1</translation>
    </message>
</context>
<context>
    <name>cc::ui::WitnessIndicator</name>
    <message>
        <source>Audit witness unreachable: the chain head is not copied outside the clinic</source>
        <translation>Testigo de auditoría inaccesible: la cabeza de la cadena no se copia fuera de la clínica</translation>
    </message>
    <message>
        <source>%1
Work goes on; tell whoever runs the syslog collector (docs/AUDIT.md section 3).</source>
        <translation>%1
El trabajo continúa; avise a quien administre el colector syslog (docs/AUDIT.md, sección 3).</translation>
    </message>
</context>
</TS>
