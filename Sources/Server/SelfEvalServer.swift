import Conversion
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import XLSXReport

/// The intranet page: the routes of `selfeval serve` over one data folder.
///
/// Access: a unit's secret link `/u/TOKEN` (192 random bits, stored as SHA-256, revocable; a
/// revoked token gets 403 on every route, an unknown one 404, and a unit sees only its own forms:
/// another unit's form id is 404). The bureau's `/admin` pages ask for the administrator's
/// password (argon2id) by a login page (session cookie, HttpOnly, SameSite=Strict) or HTTP Basic
/// `admin:PASSWORD`. CSRF: every state-changing form of a page carries a token (per session for
/// /admin, derived from the unit's token for /u/…) checked on POST, and a POST whose Origin names
/// another host is refused. Without the form token a POST is taken only where no ambient
/// credential exists to be abused: a unit's upload with `Accept: application/json` (the secret is
/// the path itself, which a forging site cannot know), or the bureau's API with HTTP Basic and
/// `Content-Type: application/json` (a type that a cross-site page cannot send without a CORS
/// preflight, which this server never grants).
public struct SelfEvalServer: Sendable {
    public let store: DataStore
    public let intake: FormIntake
    let sessions = AdminSessions()
    let csrfSecret: String

    /// Upload limits: 8 MiB a file (as the CLI's reader), 20 files a request.
    public static let maxFileBytes = 8 * 1024 * 1024
    public static let maxFiles = 20
    static var maxBody: Int { maxFiles * maxFileBytes + 64 * 1024 }
    static let cookie = "selfeval_admin"

    /// A server over `store`. `backgroundOutputs: false` leaves the scored XLSX and CSV to the
    /// first download (for tests); otherwise those a previous run did not write are queued now.
    public init(store: DataStore, converter: Converter = Converter(), backgroundOutputs: Bool = true) throws {
        self.store = store
        self.intake = FormIntake(store: store, converter: converter, backgroundOutputs: backgroundOutputs)
        csrfSecret = try store.settingOnce("csrf_secret", Secrets.token())
        try intake.outputs.catchUp()
    }

    /// The setting that holds the administrator's argon2id hash.
    public static let passwordKey = "admin_password"

    /// Sets the administrator's password unless one is set; returns whether it was set now.
    @discardableResult
    public static func setPasswordIfUnset(_ store: DataStore, _ password: String) throws -> Bool {
        if try store.setting(passwordKey) != nil { return false }
        guard let hash = PasswordHash.hash(password) else { throw ServerSetupError.hashFailed }
        return try store.settingOnce(passwordKey, hash) == hash
    }

    /// Why the server could not be set up.
    public enum ServerSetupError: Error { case hashFailed }

    /// The router with every route.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SecurityHeaders())
        router.get("/health") { _, _ in "ok" }
        router.get("/style.css") { _, _ in
            Self.answer(PageFrame.stylesheet.utf8, type: "text/css; charset=utf-8", [.cacheControl: "max-age=3600"])
        }
        router.get("/") { _, _ in Self.redirect("/admin") }
        router.get("/u/:token") { request, context in try self.unitPage(self.unit(context, json: Self.wantsJSON(request))) }
        router.post("/u/:token/forms") { request, context in try await self.upload(request, context, formID: nil) }
        router.get("/u/:token/forms/:id") { request, context in try await self.formFile(request, context) }
        router.post("/u/:token/forms/:id/versions") { request, context in
            try await self.upload(request, context, formID: context.parameters.require("id"))
        }
        router.get("/admin") { request, _ in try await self.adminPage(request) }
        router.get("/admin/login") { _, _ in Self.html(Pages.login(failed: false)) }
        router.post("/admin/login") { request, _ in try await self.login(request) }
        router.post("/admin/logout") { request, _ in try await self.logout(request) }
        router.get("/admin/summary.xlsx") { request, _ in try await self.summary(request) }
        router.get("/admin/submissions.zip") { request, _ in try await self.submissions(request) }
        router.post("/admin/units") { request, _ in try await self.units(request) }
        return router
    }

    /// The application bound to `host:port` (127.0.0.1 unless told otherwise).
    public func application(host: String = "127.0.0.1", port: Int = 8080) -> some ApplicationProtocol {
        // Hummingbird's own log lines are English: only its errors are printed.
        var logger = Logger(label: "selfeval.serve")
        logger.logLevel = .error
        return Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: nil), logger: logger)
    }

    /// Serves until SIGINT or SIGTERM (a graceful stop: requests under way finish).
    public func serve(host: String, port: Int) async throws {
        try await application(host: host, port: port).runService()
    }

    // MARK: answers

    static func answer(_ body: some Sequence<UInt8>, type: String, status: HTTPResponse.Status = .ok, _ more: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: type]
        headers.append(contentsOf: more)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        answer(page.utf8, type: "text/html; charset=utf-8", status: status)
    }

    static func json(_ text: some Sequence<UInt8>, status: HTTPResponse.Status) -> Response {
        answer(text, type: "application/json; charset=utf-8", status: status)
    }

    static func redirect(_ location: String, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.location: location]
        headers.append(contentsOf: extra)
        return Response(status: .seeOther, headers: headers)
    }

    /// An error answer, as JSON for a script and as a page for a person.
    static func failure(_ status: HTTPResponse.Status, _ message: String, json: Bool) -> Response {
        if json { return Self.json("{\"error\": \(jsonString(message))}\n".utf8, status: status) }
        return html(Pages.message(status == .forbidden ? "无权访问" : "出错了", message), status: status)
    }

    static func wantsJSON(_ request: Request) -> Bool {
        (request.headers[.accept] ?? "").lowercased().contains("application/json")
    }

    static func download(_ bytes: [UInt8], type: String, name: String) -> Response {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        return answer(bytes, type: type, [.contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"])
    }

    /// Whether a POST comes from this server's own pages as far as the Origin header tells.
    /// Absent (not a browser, or an old one) or "null" (what a browser sends from a page whose
    /// Referrer-Policy is no-referrer, as this server's are): the form token alone decides.
    static func sameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin], origin != "null" else { return true }
        guard let host = request.head.authority else { return false }
        let stripped = origin.replacingOccurrences(of: "http://", with: "").replacingOccurrences(of: "https://", with: "")
        return stripped == host
    }

    // MARK: unit routes

    /// The unit of the token in the path; else throws the refusal (404 unknown, 403 revoked).
    func unit(_ context: BasicRequestContext, json: Bool) throws -> UnitRef {
        let token = context.parameters.get("token") ?? ""
        switch try store.access(token: token) {
        case .unit(let id, let name): return UnitRef(id: id, name: name, token: token)
        case .revoked: throw Refusal(response: Self.failure(.forbidden, ServerWords.revoked, json: json))
        case .unknown: throw Refusal(response: Self.failure(.notFound, ServerWords.notFound, json: json))
        }
    }

    /// The unit a link names.
    struct UnitRef: Sendable {
        var id: Int64
        var name: String
        var token: String
    }

    /// The answer refusing a unit's link or an administrator's route, thrown by ``unit(_:json:)``
    /// and ``admin(_:)`` and answered by ``SecurityHeaders`` (which adds its headers).
    struct Refusal: Error {
        var response: Response
    }

    func unitCSRF(_ token: String) -> String { SHA256.hex(csrfSecret + ":unit:" + token) }

    func unitPage(_ unit: UnitRef, problems: [UploadProblem] = [], status: HTTPResponse.Status = .ok) throws -> Response {
        let forms = try store.latestVersions(unitID: unit.id)
        return Self.html(Pages.unit(name: unit.name, token: unit.token, csrf: unitCSRF(unit.token), forms: forms, problems: problems),
                         status: status)
    }

    /// `POST /u/TOKEN/forms` (new forms) and `POST /u/TOKEN/forms/ID/versions` (a corrected version).
    func upload(_ request: Request, _ context: BasicRequestContext, formID: String?) async throws -> Response {
        let json = Self.wantsJSON(request)
        let unit = try self.unit(context, json: json)
        if let formID, try store.versions(unitID: unit.id, formID: formID).isEmpty {
            return Self.failure(.notFound, ServerWords.notFound, json: json)
        }
        guard Self.sameOrigin(request) else { return Self.failure(.forbidden, ServerWords.originMismatch, json: json) }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.maxBody {
            return Self.failure(.contentTooLarge, ServerWords.requestTooLarge, json: json)
        }
        guard let body = try? await request.body.collect(upTo: Self.maxBody) else {
            return Self.failure(.contentTooLarge, ServerWords.requestTooLarge, json: json)
        }
        let bytes = Array(buffer: body)
        guard let boundary = request.headers[.contentType].flatMap(Multipart.boundary(contentType:)),
              let multipart = Multipart(body: bytes, boundary: boundary) else {
            return Self.failure(.badRequest, ServerWords.notMultipart, json: json)
        }
        if !json {
            let field = multipart.parts.first { $0.name == "csrf" && $0.filename == nil }.map { String(decoding: $0.bytes, as: UTF8.self) }
            guard let field, Secrets.constantTimeEqual(field, unitCSRF(unit.token)) else {
                return Self.failure(.forbidden, ServerWords.csrf, json: json)
            }
        }
        // A browser sends an empty part with no file name when no file was chosen.
        let files = multipart.parts.filter { $0.name == "file" && !($0.bytes.isEmpty && ($0.filename ?? "").isEmpty) }
        guard !files.isEmpty else { return Self.failure(.unprocessableContent, ServerWords.noFile, json: json) }
        guard files.count <= (formID == nil ? Self.maxFiles : 1) else {
            return Self.failure(.contentTooLarge, ServerWords.tooManyFiles(files.count, formID == nil ? Self.maxFiles : 1), json: json)
        }
        if let big = files.first(where: { $0.bytes.count > Self.maxFileBytes }) {
            return Self.failure(.contentTooLarge, ServerWords.fileTooLarge(FormIntake.displayName(big.filename), big.bytes.count, Self.maxFileBytes),
                                json: json)
        }
        // Each file is scored and stored on its own; the answer lists what was taken and what not.
        // (All queued at once, with no task per file: the request's task waits once.)
        let results = await intake.take(files.map { ($0.bytes, $0.filename ?? "") }, unitID: unit.id, formID: formID)
        let taken = results.compactMap { try? $0.get() }
        let problems = results.compactMap { if case .failure(let p) = $0 { p } else { nil } }
        if json {
            // Assembled as bytes: the reports go in as they are, without the newline that ends each
            // (a String round trip of a report cost more than a tenth of an upload).
            var out: [UInt8] = Array("{\"forms\": [".utf8)
            for (i, t) in taken.enumerated() {
                if i > 0 { out += Array(", ".utf8) }
                out += Array("{\"id\": \(jsonString(t.formID)), \"report\": ".utf8)
                out += t.report.last == 0x0A ? t.report.dropLast() : t.report[...]
                out.append(UInt8(ascii: "}"))
            }
            let errors = problems.map {
                "{\"source\": \(jsonString($0.source)), \"place\": \(jsonString($0.place)), \"code\": \(jsonString($0.code.rawValue)), \"message\": \(jsonString($0.message))}"
            }
            out += Array("], \"errors\": [\(errors.joined(separator: ", "))]}\n".utf8)
            return Self.json(out, status: taken.isEmpty ? .unprocessableContent : .created)
        }
        if problems.isEmpty {
            return Self.redirect(formID.map { "/u/\(unit.token)/forms/\($0)" } ?? "/u/\(unit.token)")
        }
        let status: HTTPResponse.Status = taken.isEmpty ? .unprocessableContent : .ok
        if let formID {
            return try await formPage(unit: unit, formID: formID, number: nil, problems: problems, status: status)
        }
        return try unitPage(unit, problems: problems, status: status)
    }

    /// `GET /u/TOKEN/forms/ID` (the page) and `ID.xlsx`, `ID.csv`, `ID.json` (the outputs);
    /// `?v=N` picks a version (the latest by default).
    func formFile(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let file = context.parameters.get("id") ?? ""
        let parts = file.split(separator: ".", maxSplits: 1)
        let formID = String(parts.first ?? "")
        let ext = parts.count > 1 ? String(parts[1]) : ""
        let json = Self.wantsJSON(request) || ext == "json"
        let unit = try self.unit(context, json: json)
        let number = request.uri.queryParameters["v"].flatMap { Int(String($0)) }
        guard ext.isEmpty else {
            let versions = try store.versions(unitID: unit.id, formID: formID)
            guard let version = number.map({ n in versions.first { $0.number == n } }) ?? versions.last else {
                return Self.failure(.notFound, ServerWords.notFound, json: json)
            }
            let base = PathText.deletingExtension(version.sourceName)
            let (stored, type, name): (FormIntake.StoredFile, String, String) = switch ext {
            case "xlsx": (.xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", base + ".xlsx")
            case "csv": (.csv, "text/csv; charset=utf-8", base + ".scored.csv")
            case "json": (.json, "application/json; charset=utf-8", base + ".json")
            default: (.json, "", "")
            }
            guard !type.isEmpty, let path = await intake.outputs.path(of: stored, version),
                  let data = FileManager.default.contents(atPath: path) else {
                return Self.failure(.notFound, ServerWords.notFound, json: json)
            }
            return Self.download([UInt8](data), type: type, name: name)
        }
        return try await formPage(unit: unit, formID: formID, number: number, problems: [], status: .ok)
    }

    func formPage(unit: UnitRef, formID: String, number: Int?, problems: [UploadProblem],
                  status: HTTPResponse.Status) async throws -> Response {
        let versions = try store.versions(unitID: unit.id, formID: formID)
        guard let shown = number.map({ n in versions.first { $0.number == n } }) ?? versions.last else {
            return Self.failure(.notFound, ServerWords.notFound, json: false)
        }
        let intake = self.intake
        // The page scores the stored original again: its folder first, if not yet written.
        _ = await intake.outputs.path(of: .json, shown)
        let scored = await intake.queue.run { try? intake.score(shown) }
        return Self.html(Pages.form(unitName: unit.name, token: unit.token, csrf: unitCSRF(unit.token), versions: versions, shown: shown,
                                    scored: scored, problems: problems), status: status)
    }

    // MARK: admin routes

    enum Admin {
        case session(id: String, csrf: String)
        case basic
    }

    /// Who is asking: a logged-in session or HTTP Basic with the right password; anyone else is
    /// refused (``refuse(_:)``).
    func admin(_ request: Request) throws -> Admin {
        if let id = request.cookies[Self.cookie]?.value, let csrf = sessions.csrf(session: id) { return .session(id: id, csrf: csrf) }
        if let auth = request.headers[.authorization], auth.lowercased().hasPrefix("basic "),
           let decoded = Data(base64Encoded: String(auth.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
           case let pair = String(decoding: decoded, as: UTF8.self), let colon = pair.firstIndex(of: ":"), pair[..<colon] == "admin",
           let encoded = try store.setting(Self.passwordKey), sessions.verify(String(pair[pair.index(after: colon)...]), encoded: encoded) {
            return .basic
        }
        throw Refusal(response: refuse(request))
    }

    /// The refusal of a request without the administrator's credentials: a script (Basic tried,
    /// or JSON asked) gets 401 with a Basic challenge, a browser the login page.
    func refuse(_ request: Request) -> Response {
        if request.headers[.authorization] != nil || Self.wantsJSON(request) {
            return Self.answer((ServerWords.needLogin + "\n").utf8, type: "text/plain; charset=utf-8", status: .unauthorized,
                               [.wwwAuthenticate: "Basic realm=\"selfeval admin\", charset=\"UTF-8\""])
        }
        return Self.redirect("/admin/login")
    }

    func adminPage(_ request: Request, message: String? = nil, newLink: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let csrf: String = if case .session(_, let c) = try admin(request) { c } else { "" }
        return Self.html(Pages.admin(csrf: csrf, versions: try store.allLatestVersions(), units: try store.units(), message: message,
                                     newLink: newLink), status: status)
    }

    func formBody(_ request: Request) async -> [UInt8]? {
        (try? await request.body.collect(upTo: 64 * 1024)).map { Array(buffer: $0) }
    }

    func login(_ request: Request) async throws -> Response {
        guard Self.sameOrigin(request) else { return Self.failure(.forbidden, ServerWords.originMismatch, json: false) }
        guard let body = await formBody(request) else { return Self.failure(.contentTooLarge, ServerWords.requestTooLarge, json: false) }
        let password = URLEncodedForm.parse(body)["password"] ?? ""
        guard let encoded = try store.setting(Self.passwordKey), sessions.verify(password, encoded: encoded) else {
            return Self.html(Pages.login(failed: true), status: .unauthorized)
        }
        let session = sessions.open()
        return Self.redirect("/admin", headers: [.setCookie: "\(Self.cookie)=\(session.id); Path=/admin; HttpOnly; SameSite=Strict; Max-Age=\(Int(AdminSessions.lifetime))"])
    }

    func logout(_ request: Request) async throws -> Response {
        guard case .session(let id, let csrf) = try admin(request) else { return refuse(request) }
        let body = await formBody(request) ?? []
        guard Self.sameOrigin(request), Secrets.constantTimeEqual(URLEncodedForm.parse(body)["csrf"] ?? "", csrf) else {
            return Self.failure(.forbidden, ServerWords.csrf, json: false)
        }
        sessions.close(id)
        return Self.redirect("/admin/login", headers: [.setCookie: "\(Self.cookie)=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0"])
    }

    /// `POST /admin/units`: `action=add|revoke`, `name=…` from the page (with its CSRF field), or
    /// the same keys as JSON with HTTP Basic. Adding answers the new link.
    func units(_ request: Request) async throws -> Response {
        let who = try admin(request)
        guard Self.sameOrigin(request) else { return Self.failure(.forbidden, ServerWords.originMismatch, json: false) }
        guard let body = await formBody(request) else { return Self.failure(.contentTooLarge, ServerWords.requestTooLarge, json: false) }
        let isJSON = (request.headers[.contentType] ?? "").lowercased().hasPrefix("application/json")
        let fields: [String: String]
        switch who {
        case .session(_, let csrf):
            fields = URLEncodedForm.parse(body)
            guard Secrets.constantTimeEqual(fields["csrf"] ?? "", csrf) else { return Self.failure(.forbidden, ServerWords.csrf, json: false) }
        case .basic:
            guard isJSON else { return Self.failure(.forbidden, ServerWords.basicNeedsJSON, json: true) }
            guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: String] else {
                return Self.failure(.badRequest, ServerWords.badAction, json: true)
            }
            fields = object
        }
        let name = fields["name"] ?? ""
        let asJSON = if case .basic = who { true } else { false }
        do {
            switch fields["action"] {
            case "add":
                let token = try store.addUnit(name)
                if asJSON { return Self.json("{\"name\": \(jsonString(name)), \"link\": \(jsonString("/u/" + token))}\n".utf8, status: .created) }
                return try await adminPage(request, newLink: "/u/\(token)", status: .created)
            case "revoke":
                try store.revokeUnit(name)
                if asJSON { return Self.json("{\"name\": \(jsonString(name)), \"revoked\": true}\n".utf8, status: .ok) }
                return Self.redirect("/admin")
            default:
                return Self.failure(.badRequest, ServerWords.badAction, json: asJSON)
            }
        } catch let error as DataStore.UnitError {
            if asJSON { return Self.failure(.conflict, ServerWords.unitError(error), json: true) }
            return try await adminPage(request, message: ServerWords.unitError(error), status: .conflict)
        }
    }

    /// The file names of the latest submissions, `单位/文件名`, made unique.
    func submissionNames(_ versions: [DataStore.Version]) -> [String] {
        var seen: Set<String> = []
        return versions.map { v in
            func clean(_ s: String) -> String { s.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "\\", with: "_") }
            var name = clean(v.unitName) + "/" + clean(v.sourceName), n = 2
            while seen.contains(name) {
                name = clean(v.unitName) + "/" + PathText.deletingExtension(clean(v.sourceName)) + " (\(n))"
                    + (v.sourceName.contains(".") ? "." + (v.sourceName.split(separator: ".").last.map(String.init) ?? "") : "")
                n += 1
            }
            seen.insert(name)
            return name
        }
    }

    /// `GET /admin/summary.xlsx`: the batch's 汇总表 over every unit's latest forms.
    func summary(_ request: Request) async throws -> Response {
        _ = try admin(request)
        let versions = try store.allLatestVersions()
        let names = submissionNames(versions)
        let rows = zip(versions, names).compactMap { v, name -> SummaryRow? in
            guard var row = v.summaryRow else { return nil }
            row.source = name
            row.output = name
            return row
        }
        let path = store.layout.staging + "/summary-" + Secrets.token(bytes: 8) + ".xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes: [UInt8]? = await intake.queue.run {
            do {
                try SummaryWorkbook().write(rows: rows, errors: [], to: path)
                return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
            } catch {
                return nil
            }
        }
        guard let bytes else { return Self.failure(.internalServerError, ServerWords.storeFailed, json: false) }
        return Self.download(bytes, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name: "汇总表.xlsx")
    }

    /// `GET /admin/submissions.zip`: every unit's latest original upload, as `单位/文件名`.
    func submissions(_ request: Request) async throws -> Response {
        _ = try admin(request)
        let versions = try store.allLatestVersions()
        var archive = ZipWriter()
        for (v, name) in zip(versions, submissionNames(versions)) {
            guard let data = try intake.outputs.original(v) else { continue }
            try archive.add(name: name, bytes: data)
        }
        return Self.download(archive.finish(), type: "application/zip", name: "上报文件.zip")
    }
}

/// Headers on every answer: no sniffing, no framing, no Referer (a unit's link is its key, and
/// must not leak to another site), no caching of pages that hold it. A route's thrown
/// ``SelfEvalServer/Refusal`` is answered here, with them.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do { response = try await next(request, context) } catch let refusal as SelfEvalServer.Refusal { response = refusal.response }
        response.headers[.xContentTypeOptions] = "nosniff"
        if let name = HTTPField.Name.xFrameOptions { response.headers[name] = "DENY" }
        if let name = HTTPField.Name.referrerPolicy { response.headers[name] = "no-referrer" }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

extension HTTPField.Name {
    /// Header names that HTTPTypes does not predefine, checked once (not on every answer).
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")
}
