; KIM-Akte additions to electron-builder's NSIS installer (nsis.include in electron-builder.yml).
;
; What stays on the PC, always: the vault and everything else under the users' profiles, and the machine policy in
; %ProgramData%\KIM-Akte. Neither this file nor electron-builder's scripts touch %ProgramData%; electron-builder's
; uninstaller deletes %APPDATA%\KIM-Akte only when deleteAppDataOnUninstall is set (it is not) or when it is called
; with --delete-app-data. That switch would delete the vault of the account running the uninstaller, so the
; uninstaller refuses it: uninstalling never deletes case files.

!macro customUnInit
  ClearErrors
  ${GetParameters} $R0
  ${GetOptions} $R0 "--delete-app-data" $R1
  ${IfNot} ${Errors}
    ${IfNot} ${Silent}
      MessageBox MB_OK|MB_ICONSTOP "KIM-Akte löscht bei der Deinstallation keine Daten. Die Akte (Tresor) bleibt erhalten; entfernen Sie sie bei Bedarf nach Sicherung und Freigabe durch den Datenschutz von Hand. Die Deinstallation wurde nicht ausgeführt."
    ${EndIf}
    SetErrorLevel 2
    Quit
  ${EndIf}
!macroend
