import Conversion
import Foundation
import GRDB
import XLSXReport

/// The server's index in SQLite (GRDB, WAL: many readers, one writer): units, their tokens, the
/// forms and their versions, settings. The files themselves live under `files/` beside it
/// (`DataLayout`). Every request reads from here, so a token revoked from the command line is
/// refused by a running server at once.
public final class DataStore: Sendable {
    public let layout: DataLayout
    let pool: DatabasePool

    /// Opens (creating when needed) the index of the data folder `layout`.
    public init(layout: DataLayout) throws {
        self.layout = layout
        try layout.create()
        var config = Configuration()
        config.busyMode = .timeout(10)
        // WAL with synchronous=NORMAL: a commit is not synced to disk by itself (the WAL is
        // synced at each checkpoint). Durable across a crash of the process; a power cut may
        // lose the last commits, never corrupt the index (SQLite's own guarantee).
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL") }
        pool = try DatabasePool(path: layout.database, configuration: config)
        try Self.migrator.migrate(pool)
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE unit (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, listed INTEGER NOT NULL DEFAULT 0,
                                   created_at TEXT NOT NULL);
                CREATE TABLE token (hash TEXT PRIMARY KEY, unit_id INTEGER NOT NULL REFERENCES unit(id),
                                    created_at TEXT NOT NULL, revoked_at TEXT);
                CREATE INDEX token_unit ON token(unit_id);
                CREATE TABLE form (id TEXT PRIMARY KEY, unit_id INTEGER NOT NULL REFERENCES unit(id), created_at TEXT NOT NULL);
                CREATE INDEX form_unit ON form(unit_id);
                CREATE TABLE version (form_id TEXT NOT NULL REFERENCES form(id), number INTEGER NOT NULL,
                                      source_name TEXT NOT NULL, folder TEXT NOT NULL, original TEXT NOT NULL,
                                      uploaded_at TEXT NOT NULL, total TEXT, grade TEXT NOT NULL, needs_review INTEGER NOT NULL,
                                      summary TEXT NOT NULL, PRIMARY KEY (form_id, number));
                CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                """)
        }
        // The upload's original bytes and its JSON report, committed with its version before the
        // answer; the version's folder is written from them afterwards (`OutputWriter`).
        m.registerMigration("v2") { db in
            try db.execute(sql: """
                CREATE TABLE upload (form_id TEXT NOT NULL, number INTEGER NOT NULL, original BLOB NOT NULL, report BLOB NOT NULL,
                                     PRIMARY KEY (form_id, number), FOREIGN KEY (form_id, number) REFERENCES version(form_id, number));
                """)
        }
        // The 汇总表 line kept as the batch keeps it (`SummaryRow.recordBytes`), no longer as JSON:
        // the stored lines are read with JSONDecoder once and rewritten (one that does not read
        // as a line stays empty, and is left out where lines are listed, as before).
        m.registerMigration("v3") { db in
            try db.execute(sql: "ALTER TABLE version ADD COLUMN record BLOB NOT NULL DEFAULT x''")
            for row in try Row.fetchAll(db, sql: "SELECT rowid, summary FROM version") {
                let id: Int64 = row["rowid"], json: String = row["summary"]
                guard let line = try? JSONDecoder().decode(SummaryRow.self, from: Data(json.utf8)) else { continue }
                try db.execute(sql: "UPDATE version SET record = ? WHERE rowid = ?", arguments: [Data(line.recordBytes), id])
            }
            try db.execute(sql: "ALTER TABLE version DROP COLUMN summary")
        }
        return m
    }

    static func now() -> String { timestamp(time(nil)) }

    /// `seconds` since 1970 as ISO 8601 in UTC ("2026-11-30T21:22:52Z"), as `ISO8601DateFormatter`
    /// writes it by default (making one for each upload cost a tenth of the upload).
    public static func timestamp(_ seconds: Int) -> String {
        var t = time_t(seconds)
        var p = tm()
        gmtime_r(&t, &p)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", p.tm_year + 1900, p.tm_mon + 1, p.tm_mday, p.tm_hour, p.tm_min, p.tm_sec)
    }

    // MARK: settings

    public func setting(_ key: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    /// Sets `key` unless it is set already; returns the value in force.
    @discardableResult
    public func settingOnce(_ key: String, _ value: String) throws -> String {
        try pool.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
            return try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) ?? value
        }
    }

    // MARK: units and tokens

    /// What a token in a URL gives access to.
    public enum Access: Sendable, Equatable {
        case unit(id: Int64, name: String)
        case revoked
        case unknown
    }

    /// The unit of `token` (looked up by its SHA-256), or why not. Asked on every request of a
    /// unit's link: one statement, compiled once per connection, outside a transaction (one
    /// SELECT reads one state of the index by itself; GRDB's `read` would compile a BEGIN and a
    /// COMMIT around it each time).
    public func access(token: String) throws -> Access {
        guard Secrets.looksLikeToken(token) else { return .unknown }
        let hash = SHA256.hex(token)
        return try pool.unsafeRead { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT unit.id, unit.name, token.revoked_at FROM token JOIN unit ON unit.id = token.unit_id WHERE token.hash = ?
                """), arguments: [hash]) else { return .unknown }
            if (row["revoked_at"] as String?) != nil { return .revoked }
            return .unit(id: row["id"], name: row["name"])
        }
    }

    /// Why a unit could not be added or revoked.
    public enum UnitError: Error, Equatable, Sendable {
        case emptyName
        case hasLink(String)
        case notFound(String)
        case noLink(String)
    }

    /// Creates the unit `name` (or takes the listed one of that name) and gives it a new token;
    /// a unit whose link is in force already is refused (revoke it first).
    public func addUnit(_ name: String) throws -> String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw UnitError.emptyName }
        let token = Secrets.token()
        let now = Self.now()
        try pool.write { db in
            let id: Int64
            if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE name = ?", arguments: [name]) {
                let live = try Int.fetchOne(db, sql: "SELECT count(*) FROM token WHERE unit_id = ? AND revoked_at IS NULL",
                                            arguments: [existing]) ?? 0
                if live > 0 { throw UnitError.hasLink(name) }
                id = existing
            } else {
                try db.execute(sql: "INSERT INTO unit (name, created_at) VALUES (?, ?)", arguments: [name, now])
                id = db.lastInsertedRowID
            }
            try db.execute(sql: "INSERT INTO token (hash, unit_id, created_at) VALUES (?, ?, ?)",
                           arguments: [SHA256.hex(token), id, now])
        }
        return token
    }

    /// Revokes every link of unit `name`; its forms stay.
    public func revokeUnit(_ name: String) throws {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        try pool.write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE name = ?", arguments: [name]) else {
                throw UnitError.notFound(name)
            }
            try db.execute(sql: "UPDATE token SET revoked_at = ? WHERE unit_id = ? AND revoked_at IS NULL",
                           arguments: [Self.now(), id])
            if db.changesCount == 0 { throw UnitError.noLink(name) }
        }
    }

    /// Adds the bureau's list of units (names not yet known are added, none removed); returns
    /// how many were new.
    public func importUnits(_ names: [String]) throws -> Int {
        let now = Self.now()
        return try pool.write { db in
            var added = 0
            for raw in names {
                let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !name.isEmpty else { continue }
                try db.execute(sql: "INSERT OR IGNORE INTO unit (name, listed, created_at) VALUES (?, 1, ?)", arguments: [name, now])
                if db.changesCount > 0 { added += 1 } else {
                    try db.execute(sql: "UPDATE unit SET listed = 1 WHERE name = ?", arguments: [name])
                }
            }
            return added
        }
    }

    /// One unit as the bureau's page lists it.
    public struct UnitInfo: Sendable, Equatable {
        public var name: String
        public var listed: Bool
        public var hasLink: Bool
        public var forms: Int
    }

    public func units() throws -> [UnitInfo] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT name, listed,
                  (SELECT count(*) FROM token WHERE unit_id = unit.id AND revoked_at IS NULL) AS links,
                  (SELECT count(*) FROM form WHERE unit_id = unit.id) AS forms
                FROM unit ORDER BY name
                """).map { UnitInfo(name: $0["name"], listed: $0["listed"], hasLink: ($0["links"] as Int) > 0, forms: $0["forms"]) }
        }
    }

    // MARK: forms and versions

    /// One stored version of a form.
    public struct Version: Sendable, Equatable {
        public var formID: String
        public var number: Int
        public var sourceName: String
        /// The version's folder, relative to the data folder.
        public var folder: String
        /// The original upload's file name inside `folder`.
        public var original: String
        public var uploadedAt: String
        public var total: String?
        public var grade: String
        public var needsReview: Bool
        /// The 汇总表 line (`SummaryRow.recordBytes`).
        public var record: [UInt8]
        public var unitName: String

        public var summaryRow: SummaryRow? { SummaryRow(recordBytes: record) }
    }

    static func version(_ row: Row) -> Version {
        Version(formID: row["form_id"], number: row["number"], sourceName: row["source_name"], folder: row["folder"],
                original: row["original"], uploadedAt: row["uploaded_at"], total: row["total"], grade: row["grade"],
                needsReview: row["needs_review"], record: [UInt8](row["record"] as Data), unitName: row["unit_name"])
    }

    static let versionColumns = """
        version.*, unit.name AS unit_name FROM version JOIN form ON form.id = version.form_id JOIN unit ON unit.id = form.unit_id
        """

    /// What a new version records besides its files.
    public struct NewVersion: Sendable {
        public var sourceName: String
        public var folder: String
        public var original: String
        public var total: String?
        public var grade: String
        public var needsReview: Bool
        /// The 汇总表 line (`SummaryRow.recordBytes`).
        public var record: [UInt8]
        /// The upload, byte for byte.
        public var originalBytes: [UInt8]
        /// Its JSON report, as the answer gives it.
        public var report: [UInt8]
    }

    /// Records the new form `formID` of `unitID` with its first version.
    /// Blocking: called from the ``WorkQueue`` job that scored the upload (no hop to another thread).
    public func addForm(unitID: Int64, formID: String, _ v: NewVersion) throws {
        let now = Self.now()
        try uploadTransaction { db in
            try db.cachedStatement(sql: "INSERT INTO form (id, unit_id, created_at) VALUES (?, ?, ?)")
                .execute(arguments: [formID, unitID, now])
            try Self.insert(db, formID: formID, number: 1, at: now, v)
        }
    }

    /// Records a new version of `formID` (which must be `unitID`'s); returns its number, nil
    /// when the form is not the unit's.
    /// Blocking, as ``addForm(unitID:formID:_:)``.
    public func addVersion(unitID: Int64, formID: String, _ v: NewVersion) throws -> Int? {
        let now = Self.now()
        return try uploadTransaction { db in
            guard try Int.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM form WHERE id = ? AND unit_id = ?"), arguments: [formID, unitID]) != nil
            else { return nil }
            let number = (try Int.fetchOne(db.cachedStatement(sql: "SELECT max(number) FROM version WHERE form_id = ?"),
                                           arguments: [formID]) ?? 0) + 1
            try Self.insert(db, formID: formID, number: number, at: now, v)
            return number
        }
    }

    /// One write transaction of an upload, on the single writer: BEGIN IMMEDIATE and COMMIT as
    /// statements compiled once per connection, like the upload's own (GRDB's `write` compiles
    /// both on every call); rolled back when `updates` or the commit throws.
    func uploadTransaction<T>(_ updates: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            try db.cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
            do {
                let value = try updates(db)
                try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
                return value
            } catch {
                try? db.rollback()
                throw error
            }
        }
    }

    static func insert(_ db: Database, formID: String, number: Int, at now: String, _ v: NewVersion) throws {
        // Statements compiled once per connection (every upload runs these).
        try db.cachedStatement(sql: """
            INSERT INTO version (form_id, number, source_name, folder, original, uploaded_at, total, grade, needs_review, record)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [formID, number, v.sourceName, v.folder, v.original, now, v.total, v.grade, v.needsReview, Data(v.record)])
        try db.cachedStatement(sql: "INSERT INTO upload (form_id, number, original, report) VALUES (?, ?, ?, ?)")
            .execute(arguments: [formID, number, Data(v.originalBytes), Data(v.report)])
    }

    /// The original bytes and the JSON report of a version as committed at its upload; nil for a
    /// version stored before they were kept in the index (its folder holds them).
    public func upload(formID: String, number: Int) throws -> (original: [UInt8], report: [UInt8])? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT original, report FROM upload WHERE form_id = ? AND number = ?",
                                             arguments: [formID, number]) else { return nil }
            let original: Data = row["original"], report: Data = row["report"]
            return ([UInt8](original), [UInt8](report))
        }
    }

    /// Every version of the unit's form `formID`, oldest first; empty when the form is not the unit's.
    public func versions(unitID: Int64, formID: String) throws -> [Version] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.versionColumns) WHERE form.id = ? AND form.unit_id = ? ORDER BY number",
                             arguments: [formID, unitID]).map(Self.version)
        }
    }

    /// The latest version of each of the unit's forms, newest form first.
    public func latestVersions(unitID: Int64) throws -> [Version] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.versionColumns) WHERE form.unit_id = ?
                  AND version.number = (SELECT max(number) FROM version v WHERE v.form_id = form.id)
                ORDER BY form.created_at DESC, form.rowid DESC
                """, arguments: [unitID]).map(Self.version)
        }
    }

    /// Every stored version of every form.
    public func allVersions() throws -> [Version] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT \(Self.versionColumns) ORDER BY version.rowid").map(Self.version) }
    }

    /// The latest version of every unit's forms, by unit then upload.
    public func allLatestVersions() throws -> [Version] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.versionColumns) WHERE version.number = (SELECT max(number) FROM version v WHERE v.form_id = form.id)
                ORDER BY unit.name, form.created_at, form.rowid
                """).map(Self.version)
        }
    }
}

/// Where a data folder keeps what: `selfeval.sqlite` (the index), `files/FORM/VERSION/` (the
/// original upload byte for byte and the outputs, written after the answer from the index's copy),
/// `tmp/` (version folders being written; emptied at start).
public struct DataLayout: Sendable {
    public var root: String

    public init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
    }

    public var database: String { root + "/selfeval.sqlite" }
    public var files: String { root + "/files" }
    public var staging: String { root + "/tmp" }

    public func path(_ relative: String) -> String { root + "/" + relative }

    func create() throws {
        for dir in [root, files, staging] {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
    }

    /// Removes what an interrupted server left in `tmp/` (never seen by the index).
    public func clearStaging() {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: staging) else { return }
        for entry in entries { try? FileManager.default.removeItem(atPath: staging + "/" + entry) }
    }
}
