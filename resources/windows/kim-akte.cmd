@echo off
rem kim-akte: the KIM-Akte admin CLI on an installed PC (README, "For IT").
rem KIM-Akte.exe is a Windows GUI program: typed at a prompt it would return at once, without its exit code. Started
rem from this script, cmd waits for it and passes its exit code on. Output appears in the console (Electron attaches to
rem the calling console) and can be redirected as usual. Passphrases come from KIM_AKTE_PASSPHRASE (and the recovery
rem key from KIM_AKTE_RECOVERY_KEY): a GUI program cannot read hidden input from the console.
setlocal
rem Electron prints to the calling console unless this is set; clear it for this call only.
set ELECTRON_NO_ATTACH_CONSOLE=
"%~dp0KIM-Akte.exe" --cli %*
exit /b %ERRORLEVEL%
