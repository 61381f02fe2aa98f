;; lsp_eglot.el: Emacs (eglot) as a client of `samlint --lsp`, in batch mode (tests/t_lsp.sh).
;; Environment: SAMLINT (the binary), TEMPLATE (a file to open), LSP_OUT (results,
;; one "ok NAME" / "not ok NAME: detail" line each).
(dolist (d (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path d))
(require 'eglot)
(define-derived-mode sam-yaml-mode prog-mode "SAM-YAML")
(add-to-list 'eglot-server-programs `(sam-yaml-mode . (,(getenv "SAMLINT") "--lsp")))
(setq eglot-sync-connect t)

(defun result (name good detail)
  (with-temp-buffer
    (insert (if good (format "ok %s\n" name)
              (format "not ok %s: %s\n" name (replace-regexp-in-string "\n" " " (format "%S" detail)))))
    (append-to-file (point-min) (point-max) (getenv "LSP_OUT"))))

(defun shown ()
  "CODE LINE of each diagnostic, sorted."
  (sort (mapcar (lambda (d)
                  (let ((text (flymake-diagnostic-text d)))
                    (format "%s %d" (if (string-match "\\[\\(SL[0-9]+\\)\\]" text) (match-string 1 text) text)
                            (line-number-at-pos (flymake-diagnostic-beg d)))))
                (flymake-diagnostics))
        #'string<))

(defun wait-for (want)
  (let ((deadline (+ (float-time) 20)))
    (while (and (not (equal (shown) want)) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      ;; Batch Emacs is never idle: send the buffer's changes now.
      (when (fboundp 'eglot--signal-textDocument/didChange) (eglot--signal-textDocument/didChange))))
  (shown))

(find-file (getenv "TEMPLATE"))
(sam-yaml-mode)
(eglot '(sam-yaml-mode) (cons 'transient (file-name-directory (getenv "TEMPLATE"))) 'eglot-lsp-server (list (getenv "SAMLINT") "--lsp") "yaml")
(let ((want '("SL006 2" "SL302 5")))
  (result "eglot_diagnostics" (equal (wait-for want) want) (shown)))
;; An edit: the parameter is referenced; its finding goes away.
(goto-char (point-max))
(insert "      QueueName: !Ref Unused\n")
(let ((want '("SL302 5")))
  (result "eglot_diagnostics_follow_edits" (equal (wait-for want) want) (shown)))
(kill-emacs 0)
