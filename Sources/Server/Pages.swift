import Conversion
import Foundation
import SelfEvaluation
import WebPages

/// The server-rendered pages: a unit's list, a form, the bureau's table, the login page.
enum Pages {
    static func decimal(_ d: Decimal?) -> String { d.map { $0.rounded(places: 2).plainText } ?? "" }
    static func percent(_ d: Decimal?) -> String { d.map { ($0 * 100).rounded(places: 2).plainText + "%" } ?? "" }
    static func when(_ iso: String) -> String {
        // "2026-11-30T17:47:45Z" → "2026-11-30 17:47" (UTC, as stored)
        String(iso.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    static func problems(_ list: [UploadProblem]) -> String {
        guard !list.isEmpty else { return "" }
        let items = list.map { p in
            "<li><b>\(HTMLText.escape(p.source))</b>\(p.place.isEmpty ? "" : ":" + HTMLText.escape(p.place)) "
                + "<span class=\"mark-error\">[\(p.code.rawValue)]</span> \(HTMLText.escape(p.message))</li>"
        }.joined()
        return "<div class=\"errors\" id=\"errors\"><b>以下文件没有保存:</b><ul>\(items)</ul></div>"
    }

    /// The few lines of script of a drop zone: dropped files go into the file input, and the form is sent.
    static let dropScript = """
        <script>
        document.querySelectorAll('.drop').forEach(function (zone) {
          var input = zone.querySelector('input[type=file]');
          ['dragenter', 'dragover'].forEach(function (t) { zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add('over'); }); });
          ['dragleave', 'drop'].forEach(function (t) { zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.remove('over'); }); });
          zone.addEventListener('drop', function (e) { input.files = e.dataTransfer.files; zone.closest('form').submit(); });
          var chosen = zone.querySelector('.chosen');
          input.addEventListener('change', function () {
            chosen.textContent = Array.prototype.map.call(input.files, function (f) { return f.name; }).join('、') || '未选择文件';
          });
        });
        </script>
        """

    static func uploadForm(action: String, csrf: String, label: String, multiple: Bool) -> String {
        """
        <form method="post" action="\(HTMLText.escape(action))" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="\(HTMLText.escape(csrf))">
        <div class="drop">
        <p>\(HTMLText.escape(label))</p>
        <label class="pick">选择文件<input type="file" name="file" id="file"\(multiple ? " multiple" : "") accept=".csv,.xlsx,.xls,text/csv"></label>
        <span class="chosen">未选择文件</span>
        <button type="submit" id="upload">上传并评分</button>
        </div>
        </form>
        """
    }

    // MARK: a unit's page

    static func unit(name: String, token: String, csrf: String, forms: [DataStore.Version], problems list: [UploadProblem]) -> String {
        let base = "/u/\(token)"
        let rows = forms.map { v -> String in
            let link = "\(base)/forms/\(v.formID)"
            return """
                <tr><td><a href="\(link)">\(HTMLText.escape(v.sourceName))</a></td><td>\(when(v.uploadedAt))</td>\
                <td class="num">\(v.number)</td><td class="num">\(HTMLText.escape(v.total ?? "—"))</td><td>\(HTMLText.escape(v.grade))</td>\
                <td>\(v.needsReview ? "<span class=\"review\">需复核</span>" : "<span class=\"ok\">否</span>")</td>\
                <td class="downloads"><a href="\(link)">查看</a><a href="\(link).xlsx">XLSX</a><a href="\(link).csv">CSV</a><a href="\(link).json">JSON</a></td></tr>
                """
        }.joined(separator: "\n")
        let table = forms.isEmpty ? "<p class=\"muted\">还没有上传表格。</p>" : """
            <table class="list" id="forms"><thead><tr><th>文件</th><th>上传时间(UTC)</th><th>版本</th><th>总分</th><th>等级</th><th>需复核</th><th>下载</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        let body = """
            <h1>\(HTMLText.escape(name))</h1>
            \(problems(list))
            <div class="card">
            \(uploadForm(action: base + "/forms", csrf: csrf, label: "把自评表(CSV 导出,或 .xlsx / .xls 工作簿)拖到这里,或选择文件;可一次选多个。每个文件不超过 8 MiB。", multiple: true))
            </div>
            <h2>已上传的表格</h2>
            \(table)
            <p class="muted">这个页面的链接就是本单位的钥匙,请勿转发给其他单位。</p>
            \(dropScript)
            """
        return PageFrame.page(title: name, body: body)
    }

    // MARK: a form's page

    static func form(unitName: String, token: String, csrf: String, versions: [DataStore.Version], shown: DataStore.Version,
                     scored: Converter.Scored?, problems list: [UploadProblem]) -> String {
        let base = "/u/\(token)/forms/\(shown.formID)"
        let latest = versions.last?.number ?? shown.number
        let query = shown.number == latest ? "" : "?v=\(shown.number)"
        var body = "<p><a href=\"/u/\(token)\">← \(HTMLText.escape(unitName))的表格</a></p>"
        body += "<h1>\(HTMLText.escape(shown.sourceName)) <span class=\"muted\">第 \(shown.number) 版</span></h1>"
        body += problems(list)
        body += """
            <div class="card downloads">下载第 \(shown.number) 版:<a href="\(base).xlsx\(query)">评分后的 XLSX</a>\
            <a href="\(base).csv\(query)">评分后的 CSV</a><a href="\(base).json\(query)">JSON 评分报告</a>\
            <a href="#versions">版本(共 \(versions.count) 版)</a></div>

            """
        if let scored {
            // The printed grid with every finding at its cell, the findings and 失分明细 (WebPages).
            body += "<div class=\"card\" id=\"grid\">\(FormGridHTML.render(scored, sourceName: shown.sourceName))</div>"
        }
        let versionRows = versions.reversed().map { v in
            "<tr><td><a href=\"\(base)?v=\(v.number)\">第 \(v.number) 版</a>\(v.number == shown.number ? "(当前显示)" : "")</td>"
                + "<td>\(HTMLText.escape(v.sourceName))</td><td>\(when(v.uploadedAt))</td><td class=\"num\">\(HTMLText.escape(v.total ?? "—"))</td>"
                + "<td>\(HTMLText.escape(v.grade))</td></tr>"
        }.joined()
        body += """
            <h2>版本</h2>
            <table class="list" id="versions"><thead><tr><th>版本</th><th>文件</th><th>上传时间(UTC)</th><th>总分</th><th>等级</th></tr></thead><tbody>\(versionRows)</tbody></table>
            <h2>上传修改后的版本</h2>
            <div class="card">\(uploadForm(action: base + "/versions", csrf: csrf, label: "改好后把新的文件拖到这里,或选择文件:旧版本保留在历史中。", multiple: false))</div>
            \(dropScript)
            """
        return PageFrame.page(title: shown.sourceName, body: body)
    }

    // MARK: the bureau's pages

    static func login(failed: Bool) -> String {
        PageFrame.page(title: "管理登录", body: """
            <h1>财政局管理页面</h1>
            <div class="card" style="max-width:420px">
            \(failed ? "<p class=\"mark-error\">\(ServerWords.badLogin)</p>" : "")
            <form method="post" action="/admin/login">
            <p><label>管理员密码 <input type="password" name="password" id="password" autofocus></label></p>
            <p><button type="submit">登录</button></p>
            </form></div>
            """)
    }

    static let adminColumns = ["单位", "源文件", "项目名称", "年度", "填报日期", "联系人", "电话", "评分规则", "总分值", "总分", "等级",
                               "预算执行率", "预算执行得分", "产出指标得分", "效益指标得分", "满意度指标得分", "失分", "需复核", "提示", "上传时间(UTC)"]

    static func admin(csrf: String, versions: [DataStore.Version], units: [DataStore.UnitInfo], message: String?,
                      newLink: String?) -> String {
        let rows = versions.map { v -> String in
            let r = v.summaryRow
            func cell(_ s: String) -> String { "<td>\(HTMLText.escape(s))</td>" }
            func num(_ s: String) -> String { "<td class=\"num\">\(HTMLText.escape(s))</td>" }
            let cells = [
                cell(v.unitName), cell(v.sourceName), cell(r?.project ?? ""), num(r?.year.map(String.init) ?? ""), cell(r?.filledOn ?? ""),
                cell(r?.contact ?? ""), cell(r?.phone ?? ""), cell(r?.rules ?? ""), num(decimal(r?.totalWeight)), num(decimal(r?.total)),
                cell(v.grade), num(percent(r?.executionRate)), num(decimal(r?.budgetScore)), num(decimal(r?.outputScore)),
                num(decimal(r?.benefitScore)), num(decimal(r?.satisfactionScore)), num(decimal(r?.lostPoints)),
                v.needsReview ? "<td class=\"review\">是</td>" : cell("否"), num(String(r?.warnings ?? 0)), cell(when(v.uploadedAt)),
            ]
            return "<tr>\(cells.joined())</tr>"
        }.joined(separator: "\n")
        let head = adminColumns.map { "<th class=\"sortable\">\(HTMLText.escape($0))</th>" }.joined()
        let waiting = units.filter { $0.forms == 0 }
        let waitingList = waiting.isEmpty ? "<p class=\"ok\">所有单位都已上传。</p>"
            : "<p id=\"waiting\">" + waiting.map { HTMLText.escape($0.name) }.joined(separator: "、") + "</p>"
        let unitRows = units.map { u -> String in
            let (verb, label, style) = u.hasLink ? ("revoke", "收回链接", "") : ("add", "生成链接", " style=\"color:#0b5cad\"")
            let action = "<form method=\"post\" action=\"/admin/units\" style=\"display:inline\"><input type=\"hidden\" name=\"csrf\" value=\"\(HTMLText.escape(csrf))\">"
                + "<input type=\"hidden\" name=\"action\" value=\"\(verb)\"><input type=\"hidden\" name=\"name\" value=\"\(HTMLText.escape(u.name))\">"
                + "<button class=\"link\" type=\"submit\"\(style)>\(label)</button></form>"
            return "<tr><td>\(HTMLText.escape(u.name))</td><td>\(u.listed ? "是" : "")</td><td>\(u.hasLink ? "有效" : "—")</td><td class=\"num\">\(u.forms)</td><td>\(action)</td></tr>"
        }.joined(separator: "\n")
        let body = """
            <h1>各单位自评表</h1>
            \(message.map { "<div class=\"errors\">\(HTMLText.escape($0))</div>" } ?? "")
            \(newLink.map { "<div class=\"card\">新链接(只显示这一次,请复制发给该单位):<code id=\"new-link\">\(HTMLText.escape($0))</code></div>" } ?? "")
            <p class="downloads"><a href="/admin/summary.xlsx">下载 汇总表.xlsx</a><a href="/admin/submissions.zip">下载全部上报文件(zip)</a>
            <input type="search" id="filter" placeholder="筛选:输入单位、文件、等级……" style="width:280px;margin-left:12px"></p>
            <div class="scroll"><table class="list wide" id="summary"><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table></div>
            <h2>尚未上传的单位(\(waiting.count))</h2>
            \(waitingList)
            <h2>单位与链接</h2>
            <div class="card"><form method="post" action="/admin/units"><input type="hidden" name="csrf" value="\(HTMLText.escape(csrf))">
            <input type="hidden" name="action" value="add"><label>新单位名称 <input type="text" name="name" id="unit-name"></label>
            <button type="submit">生成链接</button></form></div>
            <table class="list" id="units"><thead><tr><th>单位</th><th>名单内</th><th>链接</th><th>表格数</th><th></th></tr></thead><tbody>\(unitRows)</tbody></table>
            <form method="post" action="/admin/logout" style="margin-top:16px"><input type="hidden" name="csrf" value="\(HTMLText.escape(csrf))"><button type="submit">退出登录</button></form>
            <script>
            var table = document.getElementById('summary');
            document.getElementById('filter').addEventListener('input', function () {
              var q = this.value.trim(); table.querySelectorAll('tbody tr').forEach(function (r) { r.hidden = q && r.textContent.indexOf(q) < 0; });
            });
            table.querySelectorAll('th').forEach(function (th, i) {
              th.addEventListener('click', function () {
                var rows = Array.from(table.tBodies[0].rows), dir = th.dataset.dir = th.dataset.dir === '1' ? '-1' : '1';
                var key = function (r) { var t = r.cells[i].textContent, n = parseFloat(t); return isNaN(n) ? t : n; };
                rows.sort(function (a, b) { var x = key(a), y = key(b); return (x > y ? 1 : x < y ? -1 : 0) * dir; });
                rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
              });
            });
            </script>
            """
        return PageFrame.page(title: "管理", body: body)
    }

    static func message(_ title: String, _ text: String) -> String {
        PageFrame.page(title: title, body: "<h1>\(HTMLText.escape(title))</h1><div class=\"errors\">\(HTMLText.escape(text))</div>")
    }
}
