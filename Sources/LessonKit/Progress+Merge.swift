extension Progress {
    /// This progress with what `other` (an older copy, such as the file
    /// another instance saved meanwhile) adds: steps seen and finished
    /// lessons from both, and per question this copy's answer when it has
    /// one. Nothing a learner did in either copy is lost.
    public func merging(_ other: Progress) -> Progress {
        var merged = self
        for (id, theirs) in other.lessons {
            guard var mine = merged.lessons[id] else {
                merged.lessons[id] = theirs
                continue
            }
            mine.stepsSeen = Array(Set(mine.stepsSeen).union(theirs.stepsSeen)).sorted()
            let answered = Set(mine.answers.map(\.step))
            mine.answers += theirs.answers.filter { !answered.contains($0.step) }
            mine.answers.sort { $0.step < $1.step }
            mine.finished = mine.finished || theirs.finished
            merged.lessons[id] = mine
        }
        return merged
    }
}
