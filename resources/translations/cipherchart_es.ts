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
        <source>Patients are named by their record id here. Patient search arrives with the clinical records.</source>
        <translation>Aquí los pacientes se identifican por el id de su historia. La búsqueda de pacientes llegará con las historias clínicas.</translation>
    </message>
    <message>
        <source>color: #555555;</source>
        <translation>color: #555555;</translation>
    </message>
    <message>
        <source>&amp;Patient id:</source>
        <translation>Id del &amp;paciente:</translation>
    </message>
    <message>
        <source>32 hexadecimal digits</source>
        <translation>32 dígitos hexadecimales</translation>
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
        <source>&amp;Patient id:</source>
        <translation>Id del &amp;paciente:</translation>
    </message>
    <message>
        <source>32 hexadecimal digits</source>
        <translation>32 dígitos hexadecimales</translation>
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
</context>
<context>
    <name>BreakGlassDialog</name>
    <message>
        <source>Emergency access</source>
        <translation>Acceso de emergencia</translation>
    </message>
    <message>
        <source>This patient is not on your care team. In an emergency you may open the chart for 60 minutes. Your reason is recorded in the audit trail and an administrator reviews every emergency access.</source>
        <translation>Este paciente no está en su equipo asistencial. En una emergencia puede abrir la historia durante 60 minutos. Su motivo queda en el registro de auditoría y un administrador revisa cada acceso de emergencia.</translation>
    </message>
    <message>
        <source>Patient MRN:</source>
        <translation>NHC del paciente:</translation>
    </message>
    <message>
        <source>Medical record number, as on the wristband</source>
        <translation>Número de historia clínica, como en la pulsera</translation>
    </message>
    <message>
        <source>Reason (at least 15 characters and 3 words):</source>
        <translation>Motivo (al menos 15 caracteres y 3 palabras):</translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation>color: #b00020;</translation>
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
        <source>font-size: 13pt; font-weight: 600;</source>
        <translation>font-size: 13pt; font-weight: 600;</translation>
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
        <source>Latest vital signs</source>
        <translation>Últimas constantes vitales</translation>
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
        <source>&amp;Emergency access…</source>
        <translation>Acceso de &amp;emergencia…</translation>
    </message>
    <message>
        <source>Open a patient outside your care team (break the glass), with a reason</source>
        <translation>Abrir un paciente fuera de su equipo asistencial (romper el cristal), con un motivo</translation>
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
        <source>The disk is full. Nothing was saved.</source>
        <translation>El disco está lleno. No se ha guardado nada.</translation>
    </message>
    <message>
        <source>The clinic folder is read-only. Nothing was saved.</source>
        <translation>La carpeta de la clínica es de solo lectura. No se ha guardado nada.</translation>
    </message>
    <message>
        <source>The clinic&apos;s files could not be read or written: %1</source>
        <translation>No se han podido leer o escribir los archivos de la clínica: %1</translation>
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
        <source>When (UTC)</source>
        <translation>Cuándo (UTC)</translation>
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
        <source>Disable the account %1? Its key slot is deleted: it can no longer log in or decrypt anything until an administrator enables it again.</source>
        <translation>¿Desactivar la cuenta %1? Se elimina su ranura de claves: ya no podrá iniciar sesión ni descifrar nada hasta que un administrador la vuelva a activar.</translation>
    </message>
    <message>
        <source>Account %1 disabled.</source>
        <translation>Cuenta %1 desactivada.</translation>
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
</context>
<context>
    <name>cc::ui::AdminWindow</name>
    <message>
        <source>Logged in: %1 (%2)</source>
        <translation>Sesión iniciada: %1 (%2)</translation>
    </message>
    <message>
        <source>CipherChart — Administration — %1</source>
        <translation>CipherChart — Administración — %1</translation>
    </message>
</context>
<context>
    <name>cc::ui::AllergyDialog</name>
    <message>
        <source>Edit allergy</source>
        <translation>Editar alergia</translation>
    </message>
    <message>
        <source>Not a valid %1 code (digits only).</source>
        <translation>No es un código %1 válido (solo dígitos).</translation>
    </message>
    <message>
        <source>Enter the substance.</source>
        <translation>Escriba la sustancia.</translation>
    </message>
    <message>
        <source>A reaction needs both its SNOMED CT code and its name.</source>
        <translation>Una reacción necesita tanto su código SNOMED CT como su nombre.</translation>
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
        <source>Attach a file</source>
        <translation>Adjuntar un archivo</translation>
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
        <source>Encrypting the attachment…</source>
        <translation>Cifrando el adjunto…</translation>
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
        <source>Delete this attachment? This cannot be undone.</source>
        <translation>¿Eliminar este adjunto? No se puede deshacer.</translation>
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
        <source>Patient id</source>
        <translation>Id del paciente</translation>
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
        <source>Remove the selected row from the chart? The removal is recorded in the audit trail.</source>
        <translation>¿Quitar la fila seleccionada de la historia? La eliminación queda en el registro de auditoría.</translation>
    </message>
</context>
<context>
    <name>cc::ui::ChartView</name>
    <message>
        <source>Vital sign</source>
        <translation>Constante vital</translation>
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
        <source>Resolved</source>
        <translation>Resuelto</translation>
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
        <source>%1 — MRN %2 — born %3</source>
        <translation>%1 — NHC %2 — nacido/a el %3</translation>
    </message>
    <message>
        <source>Sex: %1</source>
        <translation>Sexo: %1</translation>
    </message>
    <message>
        <source>Died: %1</source>
        <translation>Fallecimiento: %1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Dirección: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Teléfono: %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>current</source>
        <translation>actual</translation>
    </message>
</context>
<context>
    <name>cc::ui::ConditionDialog</name>
    <message>
        <source>Edit problem</source>
        <translation>Editar problema</translation>
    </message>
    <message>
        <source>Not a valid %1 code (ICD-10: a letter, two characters and an optional part after a dot, e.g. E11.9; SNOMED CT: 6 to 18 digits).</source>
        <translation>No es un código %1 válido (CIE-10: una letra, dos caracteres y una parte opcional tras un punto, p. ej. E11.9; SNOMED CT: de 6 a 18 dígitos).</translation>
    </message>
    <message>
        <source>Enter the problem&apos;s name.</source>
        <translation>Escriba el nombre del problema.</translation>
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
        <source>The RxNorm code is a number of up to 12 digits (RXCUI).</source>
        <translation>El código RxNorm es un número de hasta 12 dígitos (RXCUI).</translation>
    </message>
    <message>
        <source>Enter the medication&apos;s name.</source>
        <translation>Escriba el nombre del medicamento.</translation>
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
        <source>Delete this note? This cannot be undone.</source>
        <translation>¿Eliminar esta nota? No se puede deshacer.</translation>
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
        <source>Unit</source>
        <translation>Unidad</translation>
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
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>No añadido: %1</translation>
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
        <source>Edit observation</source>
        <translation>Editar observación</translation>
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
        <source>Delete the selected observation? The deletion is recorded in the audit trail.</source>
        <translation>¿Eliminar la observación seleccionada? La eliminación queda en el registro de auditoría.</translation>
    </message>
</context>
<context>
    <name>cc::ui::PatientListModel</name>
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
</context>
<context>
    <name>cc::ui::SessionFlow</name>
    <message>
        <source>The session has ended after 12 hours. Please log in again.</source>
        <translation>La sesión ha terminado tras 12 horas. Vuelva a iniciar sesión.</translation>
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
</TS>
