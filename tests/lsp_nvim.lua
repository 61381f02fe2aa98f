-- lsp_nvim.lua: Neovim as a real client of `samlint --lsp` (tests/t_lsp.sh runs it headless).
-- Environment: SAMLINT (the binary), TEMPLATE (a file to open), LSP_OUT (results, one
-- "ok NAME" / "not ok NAME: detail" line each).
local out = assert(io.open(os.getenv("LSP_OUT"), "w"))
local function result(name, good, detail)
  if good then
    out:write("ok " .. name .. "\n")
  else
    out:write("not ok " .. name .. ": " .. vim.inspect(detail):gsub("%s+", " "):sub(1, 400) .. "\n")
  end
  out:flush()
end

local path = os.getenv("TEMPLATE")
vim.cmd("edit " .. vim.fn.fnameescape(path))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = "samlint",
  cmd = { os.getenv("SAMLINT"), "--lsp" },
  root_dir = vim.fn.fnamemodify(path, ":h"),
})
vim.lsp.buf_attach_client(buf, id)

-- "CODE line:col-line:col" of each diagnostic, sorted (0-based, byte columns).
local function shown()
  local items = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(items, string.format("%s %d:%d-%d:%d", d.code, d.lnum, d.col, d.end_lnum, d.end_col))
  end
  table.sort(items)
  return table.concat(items, ", ")
end

local function wait_for(want)
  vim.wait(10000, function() return shown() == want end, 10)
  return shown()
end

local first = "SL006 1:2-1:8, SL302 4:2-4:7"
local got = wait_for(first)
result("nvim_diagnostics", got == first, got)
local d = vim.diagnostic.get(buf)[1] or {}
local lsp = (d.user_data or {}).lsp or {}
result("nvim_diagnostic_source_and_link", d.source == "samlint" and
  ((lsp.codeDescription or {}).href or ""):match("/rules/SL00[6]%.md$") ~= nil, d)

-- An edit in the buffer: the parameter is renamed and referenced; the diagnostics follow.
vim.api.nvim_buf_set_lines(buf, 1, 2, false, { "  Name:" })
vim.api.nvim_buf_set_lines(buf, 7, 7, false, { "      QueueName: !Ref Nam" })
local after = "SL004 7:22-7:25, SL006 1:2-1:6, SL302 4:2-4:7"
got = wait_for(after)
result("nvim_diagnostics_follow_edits", got == after, got)

-- A code action: suppress SL302 on its line, applied by Neovim, then saved.
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = 4, character = 2 }, ["end"] = { line = 4, character = 2 } },
  context = { diagnostics = {} },
}
local replies = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 10000) or {}
local chosen
for _, reply in pairs(replies) do
  for _, action in ipairs(reply.result or {}) do
    if action.title == "Suppress SL302 on this line" then chosen = action end
  end
end
result("nvim_code_action_offered", chosen ~= nil, replies)
if chosen then
  vim.lsp.util.apply_workspace_edit(chosen.edit, "utf-16")
  vim.cmd("write")
  local text = table.concat(vim.fn.readfile(path), "\n")
  result("nvim_code_action_applied", text:find("\n  # samlint: ignore SL302 %-%- reason\n  Queue:", 1) ~= nil, text)
  got = wait_for("SL004 8:22-8:25, SL006 1:2-1:6")
  result("nvim_suppressed_after_action", got == "SL004 8:22-8:25, SL006 1:2-1:6", got)
end

-- Completion of a property name being typed, from the queue's schema.
vim.api.nvim_buf_set_lines(buf, 10, 10, false, { "      Redri" })
local creplies = vim.lsp.buf_request_sync(buf, "textDocument/completion", {
  textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 10, character = 11 },
}, 10000) or {}
local labels = {}
for _, reply in pairs(creplies) do
  for _, item in ipairs(reply.result or {}) do table.insert(labels, item.label) end
end
table.sort(labels)
result("nvim_completion", table.concat(labels, ",") == "RedriveAllowPolicy,RedrivePolicy", creplies)

vim.lsp.stop_client(id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 10)
out:close()
vim.cmd("qa!")
