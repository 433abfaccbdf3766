-- Neovim end-to-end suite for caselint-language-server (Neovim 0.7+, headless).
--
--   CASELINT_SERVER=<repo>/server/out/server.js CASELINT_E2E_FILE=<copy of the example .md> \
--   CASELINT_E2E_RESULTS=<results.json> nvim --headless --clean -u test/e2e/neovim/init.lua
--
-- Normally started by test/e2e/neovim/run.sh. Starts the server with vim.lsp.start_client
-- (node server.js --stdio), opens the example, and checks: diagnostics arrive (polled, bounded),
-- the uncited claim (unsupported-claim) and the missing Abstract (required-section) are reported,
-- a code action with an edit fixes the missing section, completion offers an exam- snippet, go to
-- definition on a [1] marker lands on its reference-list entry, and the
-- server shuts down cleanly. Every wait is bounded. Writes the results as JSON and exits with 0 when
-- every test passed, 1 otherwise.

local server = os.getenv('CASELINT_SERVER')
local file = os.getenv('CASELINT_E2E_FILE')
local results_path = os.getenv('CASELINT_E2E_RESULTS')
local node = os.getenv('CASELINT_NODE') or 'node'

local results = {}
local function log(line)
  io.stderr:write('[neovim e2e] ' .. line .. '\n')
end

local function finish()
  local passed, failed = 0, 0
  for _, r in ipairs(results) do
    if r.ok then passed = passed + 1 else failed = failed + 1 end
  end
  local report = { suite = 'neovim', nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch, passed = passed, failed = failed, results = results }
  if results_path then
    local f = io.open(results_path, 'w')
    if f then
      f:write(vim.fn.json_encode(report))
      f:close()
    end
  end
  if failed == 0 and passed > 0 then
    vim.cmd('qall!')
  else
    vim.cmd('cquit 1')
  end
end

if not server or not file then
  log('CASELINT_SERVER and CASELINT_E2E_FILE must be set')
  table.insert(results, { name = 'environment', ok = false, ms = 0, error = 'CASELINT_SERVER and CASELINT_E2E_FILE must be set' })
  finish()
  return
end

local state = {}

local function rule_of(d)
  local c = d.code
  if type(c) == 'table' then c = c.value end
  return c and tostring(c) or ''
end

local function diagnostics()
  return vim.diagnostic.get(state.bufnr)
end

local function has(pred)
  for _, d in ipairs(diagnostics()) do
    if pred(d) then return d end
  end
  return nil
end

local function is_claim(d) return rule_of(d) == 'unsupported-claim' end
local function is_missing_abstract(d)
  return rule_of(d) == 'required-section' and d.message:lower():find('abstract') ~= nil
end

local function describe()
  local out = {}
  for _, d in ipairs(diagnostics()) do
    table.insert(out, string.format('%d:%d %s %s', d.lnum + 1, d.col + 1, rule_of(d), d.message))
  end
  return #out > 0 and table.concat(out, '\n') or '(none)'
end

-- An LSP position (UTF-16) from a buffer line and byte column.
local function lsp_position(lnum, col)
  local line = vim.api.nvim_buf_get_lines(state.bufnr, lnum, lnum + 1, false)[1] or ''
  local _, utf16 = vim.str_utfindex(line, math.min(col, #line))
  return { line = lnum, character = utf16 }
end

local function request(method, params, timeout_ms)
  local res, err = state.client.request_sync(method, params, timeout_ms or 10000, state.bufnr)
  if not res then error(method .. ' failed: ' .. tostring(err)) end
  if res.err then error(method .. ' returned an error: ' .. vim.inspect(res.err)) end
  return res.result
end

local function edits_for(edit, uri)
  local out = {}
  if not edit then return out end
  if edit.changes then
    for u, es in pairs(edit.changes) do
      if u == uri then vim.list_extend(out, es) end
    end
  end
  for _, dc in ipairs(edit.documentChanges or {}) do
    if dc.textDocument and dc.textDocument.uri == uri then vim.list_extend(out, dc.edits or {}) end
  end
  return out
end

local tests = {
  {
    name = 'the server starts and initializes over stdio',
    fn = function()
      state.client_id = vim.lsp.start_client({
        name = 'caselint',
        cmd = { node, server, '--stdio' },
        root_dir = vim.fn.fnamemodify(file, ':p:h'),
        on_exit = function(code, signal) state.exit = { code = code, signal = signal } end,
      })
      assert(state.client_id, 'vim.lsp.start_client returned nil')
      local ok = vim.wait(15000, function()
        local c = vim.lsp.get_client_by_id(state.client_id)
        return (c and c.initialized) or state.exit ~= nil
      end, 50)
      assert(not state.exit, 'the server exited during initialization: ' .. vim.inspect(state.exit))
      assert(ok, 'the server did not initialize within 15 s')
      state.client = vim.lsp.get_client_by_id(state.client_id)
      local caps = state.client.server_capabilities or {}

      assert(caps.codeActionProvider, 'the server announces no codeActionProvider')
      assert(caps.completionProvider, 'the server announces no completionProvider')
    end,
  },
  {
    name = 'opens the example: diagnostics for the uncited claim and the missing section',
    fn = function()
      vim.cmd('edit ' .. vim.fn.fnameescape(file))
      state.bufnr = vim.api.nvim_get_current_buf()
      vim.bo[state.bufnr].filetype = 'markdown'
      state.uri = vim.uri_from_bufnr(state.bufnr)
      assert(vim.lsp.buf_attach_client(state.bufnr, state.client_id), 'buf_attach_client failed')
      local ok = vim.wait(20000, function() return has(is_claim) ~= nil and has(is_missing_abstract) ~= nil end, 50)
      assert(ok, 'within 20 s, no unsupported-claim and required-section (Abstract) diagnostics; got:\n' .. describe())
      local claim = has(is_claim)
      local text = vim.api.nvim_buf_get_text(state.bufnr, claim.lnum, claim.col, claim.end_lnum, claim.end_col, {})
      assert(vim.trim(table.concat(text, '\n')) ~= '', 'the claim diagnostic covers no text')
    end,
  },
  {
    name = 'a code action with an edit fixes the missing section',
    fn = function()
      local d = has(is_missing_abstract)
      assert(d, 'no missing-Abstract diagnostic')
      local lsp_diag = vim.tbl_extend('force', d.user_data and d.user_data.lsp or {}, {
        range = { start = lsp_position(d.lnum, d.col), ['end'] = lsp_position(d.end_lnum, d.end_col) },
        message = d.message,
        code = d.code,
        source = d.source,
        severity = d.severity,
      })
      local actions = request('textDocument/codeAction', {
        textDocument = { uri = state.uri },
        range = lsp_diag.range,
        context = { diagnostics = { lsp_diag }, only = { 'quickfix' } },
      }) or {}
      local titles, chosen = {}, nil
      for _, a in ipairs(actions) do
        table.insert(titles, a.title)
        if not a.edit and a.data and state.client.server_capabilities.codeActionProvider
          and type(state.client.server_capabilities.codeActionProvider) == 'table'
          and state.client.server_capabilities.codeActionProvider.resolveProvider then
          a = request('codeAction/resolve', a) or a
        end
        if not chosen and #edits_for(a.edit, state.uri) > 0 and a.title:lower():find('abstract') then chosen = a end
      end
      assert(chosen, 'no code action with an edit for the missing Abstract; offered: ' .. table.concat(titles, ' | '))
      vim.lsp.util.apply_workspace_edit(chosen.edit, state.client.offset_encoding or 'utf-16')
      local text = table.concat(vim.api.nvim_buf_get_lines(state.bufnr, 0, -1, false), '\n')
      assert(text:find('\n#+%s*Abstract') or text:find('^#+%s*Abstract'), 'no Abstract heading in the buffer after the edit')
      local ok = vim.wait(15000, function() return has(is_missing_abstract) == nil and has(is_claim) ~= nil end, 50)
      assert(ok, 'the missing-Abstract diagnostic did not go away after the edit; now:\n' .. describe())
      return 'applied "' .. chosen.title .. '"'
    end,
  },
  {
    name = 'completion offers an exam- snippet',
    fn = function()
      local lines = vim.api.nvim_buf_get_lines(state.bufnr, 0, -1, false)
      local at
      for i, l in ipairs(lines) do
        if l:match('^## Investigations') then at = i - 1 break end
      end
      assert(at, 'no "## Investigations" heading in the example')
      vim.api.nvim_buf_set_lines(state.bufnr, at, at, false, { 'exam-', '' })
      local result = request('textDocument/completion', {
        textDocument = { uri = state.uri },
        position = { line = at, character = 5 },
        context = { triggerKind = 1 },
      }) or {}
      local items = result.items or result
      local labels, found = {}, nil
      for _, it in ipairs(items) do
        table.insert(labels, it.label)
        local is_snippet = it.kind == 15 or it.insertTextFormat == 2
        if not found and is_snippet and it.label:sub(1, 5) == 'exam-' then found = it end
      end
      assert(found, 'no exam- snippet among ' .. #items .. ' items: ' .. table.concat(vim.list_slice(labels, 1, 30), ', '))
      local body = (found.textEdit and found.textEdit.newText) or found.insertText or ''
      assert(vim.trim(body) ~= '', 'the snippet ' .. found.label .. ' has no text')
      return found.label .. ' among ' .. #items .. ' items'
    end,
  },
  {
    name = 'go to definition on a citation marker lands on its reference entry',
    fn = function()
      local lines = vim.api.nvim_buf_get_lines(state.bufnr, 0, -1, false)
      local at, col
      for i, l in ipairs(lines) do
        local c = l:find('[1]', 1, true)
        if c and not l:match('^%d+%.') then at, col = i - 1, c break end
      end
      assert(at, 'no [1] marker in the example')
      local result = request('textDocument/definition', {
        textDocument = { uri = state.uri },
        position = lsp_position(at, col), -- on the "1" (col is 1-based: the "[")
      }) or {}
      if result.uri then result = { result } end
      assert(#result == 1, 'expected one location, got ' .. vim.inspect(result))
      local loc = result[1]
      local target = loc.uri or loc.targetUri
      local range = loc.range or loc.targetSelectionRange
      assert(target == state.uri, 'the entry is in another file: ' .. tostring(target))
      local line = vim.api.nvim_buf_get_lines(state.bufnr, range.start.line, range.start.line + 1, false)[1] or ''
      assert(line:match('^1%. Author A, Author B'), 'landed on line ' .. range.start.line .. ': ' .. line)
      return 'line ' .. (at + 1) .. ' -> line ' .. (range.start.line + 1)
    end,
  },
  {
    name = 'the server shuts down cleanly',
    fn = function()
      vim.lsp.stop_client(state.client_id)
      local ok = vim.wait(10000, function() return state.exit ~= nil end, 50)
      assert(ok, 'the server did not exit within 10 s of shutdown')
      assert(state.exit.code == 0, 'the server exited with ' .. vim.inspect(state.exit))
    end,
  },
}

for _, t in ipairs(tests) do
  local t0 = vim.loop.hrtime()
  local ok, ret = pcall(t.fn)
  local ms = math.floor((vim.loop.hrtime() - t0) / 1e6)
  local note = ok and type(ret) == 'string' and ret or nil
  table.insert(results, { name = t.name, ok = ok, ms = ms, error = (not ok) and tostring(ret) or nil, notes = note and { note } or nil })
  log(string.format('%s %s (%d ms)%s', ok and 'ok  ' or 'FAIL', t.name, ms, ok and (note and (' [' .. note .. ']') or '') or ('\n      ' .. tostring(ret))))
  if not ok and not state.client then break end
end
if state.client_id and not state.exit then vim.lsp.stop_client(state.client_id, true) end
finish()
