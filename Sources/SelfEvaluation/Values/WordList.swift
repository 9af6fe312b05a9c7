import Foundation

/// Vocabulary words split into `Character`s once, and searched in texts split likewise: the one
/// way the value parser and the scoring rules find words (characters compare by canonical
/// equivalence, as `String`s do).
struct WordList: Sendable {
    /// The words, in the order given: searches that keep the first match keep the first listed.
    let words: [String]
    /// Each word's characters.
    let characters: [[Character]]
    /// The first scalar of each word's first character in NFC (nil for an empty word).
    let firstScalars: [UInt32?]

    init<S: Sequence>(_ words: S) where S.Element == String {
        self.words = Array(words)
        self.characters = self.words.map { Array($0) }
        self.firstScalars = self.characters.map { $0.first.flatMap { SearchedText.canonicalScalars(of: $0).first } }
    }

    /// The index of the first word (in list order) occurring anywhere in `text`. Only words whose
    /// first scalar is in the text are searched for (a word whose first character is in the text
    /// has its first scalar there too).
    func firstIndex(in text: SearchedText) -> Int? {
        characters.indices.first { k in
            guard let first = firstScalars[k], text.scalars.contains(first) else { return false }
            return WordList.find(characters[k], in: text.characters, from: 0) != nil
        }
    }

    /// The first word (in list order) occurring anywhere in `text`.
    func first(in text: SearchedText) -> String? { firstIndex(in: text).map { words[$0] } }

    /// The index of the first word (in list order) starting at `index` of `text`.
    func firstIndex(in text: [Character], at index: Int) -> Int? {
        characters.indices.first { WordList.matches(characters[$0], in: text, at: index) }
    }

    /// The longest word starting at `index` of `text` (the first of equal lengths).
    func longest(in text: [Character], at index: Int) -> String? {
        var best: Int?
        for k in characters.indices where characters[k].count > (best.map { characters[$0].count } ?? 0)
            && WordList.matches(characters[k], in: text, at: index) {
            best = k
        }
        return best.map { words[$0] }
    }

    /// The longest word ending just before `end` in `text` (the first of equal lengths).
    func longest(in text: [Character], endingAt end: Int) -> String? {
        var best: Int?
        for k in characters.indices where characters[k].count > (best.map { characters[$0].count } ?? 0)
            && WordList.matches(characters[k], in: text, at: end - characters[k].count) {
            best = k
        }
        return best.map { words[$0] }
    }

    /// `text` without any occurrence of the words (each removed in list order).
    func removingAll(from text: [Character]) -> [Character] {
        var result = text
        for word in characters where !word.isEmpty {
            var kept: [Character] = []
            var i = 0
            while let found = WordList.find(word, in: result, from: i) {
                kept += result[i..<found]
                i = found + word.count
            }
            if i > 0 { result = kept + result[i...] }
        }
        return result
    }

    /// Whether `word` stands in `text` at `index`.
    static func matches(_ word: [Character], in text: [Character], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= text.count else { return false }
        var k = 0
        while k < word.count, text[index + k] == word[k] { k += 1 }
        return k == word.count
    }

    /// The first index at or after `start` where `word` (not empty) stands in `text`.
    static func find(_ word: [Character], in text: [Character], from start: Int) -> Int? {
        guard let first = word.first, text.count - word.count >= start else { return nil }
        for i in start...(text.count - word.count) where text[i] == first && matches(word, in: text, at: i) {
            return i
        }
        return nil
    }
}

/// A text split into `Character`s with the set of its scalars, made once and searched by
/// several word lists in turn (the set only rules words out; `WordList.find` compares characters).
struct SearchedText: Sendable {
    let characters: [Character]
    /// Every scalar of the text's characters in NFC.
    let scalars: Set<UInt32>

    init(_ characters: [Character]) {
        self.characters = characters
        var scalars = Set<UInt32>(minimumCapacity: characters.count)
        for character in characters {
            for scalar in SearchedText.canonicalScalars(of: character) { scalars.insert(scalar) }
        }
        self.scalars = scalars
    }

    /// The scalars of a character in NFC, so that canonically equivalent characters (which
    /// `Character ==` matches) give the same ones. A one-scalar character that normalisation
    /// leaves alone (`SimpleScalar`: ASCII, CJK ideographs, CJK punctuation …) is its scalar.
    static func canonicalScalars(of character: Character) -> [UInt32] {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first, SimpleScalar.isSimple(only.value) { return [only.value] }
        return String(character).precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
    }
}
