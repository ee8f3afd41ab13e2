import Yams

extension LessonParser {
    static let stepKeys = ["stop", "check", "question", "hints", "budget"]
    static let checkKeys = ["expect", "message"]
    static let questionKeys = ["ask", "choices", "answer", "reveal", "explain"]
    static let choiceKeys = ["text", "when", "why"]
    /// Keys whose values are one line of text (conditions included).
    static let textKeys: Set<String> = ["stop", "expect", "message", "ask", "text", "when", "why", "reveal", "explain"]

    mutating func parseStep(_ raw: RawStep, paneNames: [String]) -> LessonStep {
        var step = LessonStep(title: raw.title, line: raw.line, narrative: MarkdownRenderer.render(raw.narrative))
        guard let block = raw.block?.quotingTextValues(of: Self.textKeys) else { return step }
        let root: Node?
        do { root = try block.compose() } catch { report(error); return step }
        guard let root else { return step }
        guard let mapping = root.mapping else {
            report(block.firstLine, "a step block holds fields: stop, check, question, hints, budget")
            return step
        }
        checkKeys(mapping, allowed: Self.stepKeys, where: "a step block", block: block)

        if let node = mapping["stop"] {
            step.stopLine = block.line(of: node)
            step.stop = condition(node, block: block, paneNames: paneNames, what: "stop")
        }
        if let node = mapping["budget"] {
            if let n = node.text.flatMap({ Int($0) }), n > 0, n <= 100_000_000 { step.budget = n } else {
                report(block.line(of: node), "budget must be a whole number of simulation steps from 1 to 100000000")
            }
        }
        if let node = mapping["check"] {
            if let items = node.sequence {
                step.checkpoints = items.compactMap { checkpoint($0, block: block, paneNames: paneNames) }
            } else if node.text != nil, let single = checkpoint(node, block: block, paneNames: paneNames) {
                step.checkpoints = [single]
            } else {
                report(block.line(of: node), "check must be a list: each item a condition, or 'expect:' and 'message:'")
            }
        }
        if let node = mapping["question"] {
            step.question = question(node, line: keyLine(mapping, "question", block: block) ?? block.line(of: node),
                                     block: block, paneNames: paneNames)
        }
        if let node = mapping["hints"] {
            if let items = node.sequence {
                for item in items {
                    if let text = item.text { step.hints.append(text) } else {
                        report(block.line(of: item), "each hint is a line of text; if it contains ': ' or ' #', put it in quotes")
                    }
                }
            } else if let text = node.text {
                step.hints = [text]
            } else {
                report(block.line(of: node), "hints must be a list of texts")
            }
        }
        return step
    }

    mutating func condition(_ node: Node, block: YAMLBlock, paneNames: [String], what: String) -> Condition? {
        guard let text = node.text else {
            report(block.line(of: node), "\(what) must be a condition written as text; if it contains ': ' or ' #', put it in quotes")
            return nil
        }
        do {
            let condition = try ConditionParser.parse(text)
            for pane in condition.paneNames where !paneNames.contains(pane.lowercased()) {
                report(block.line(of: node), "bad condition: no pane named '\(pane)' (panes: \(paneNames.joined(separator: ", ")))")
                return nil
            }
            return condition
        } catch {
            report(block.line(of: node), "bad condition: \(error.message)")
            return nil
        }
    }

    mutating func checkpoint(_ node: Node, block: YAMLBlock, paneNames: [String]) -> Checkpoint? {
        let line = block.line(of: node)
        if node.text != nil {
            guard let condition = condition(node, block: block, paneNames: paneNames, what: "a check") else { return nil }
            return Checkpoint(condition: condition, message: "expected \(condition)", line: line)
        }
        guard let mapping = node.mapping else {
            report(line, "a check is a condition, or 'expect:' and 'message:'")
            return nil
        }
        if mapping["expect"] == nil && mapping["message"] == nil {
            // YAML read "output contains done: 3" as a mapping: the condition needs quotes.
            report(line, "a check must be a condition written as text; if it contains ': ' or ' #', put it in quotes")
            return nil
        }
        checkKeys(mapping, allowed: Self.checkKeys, where: "a check", block: block)
        guard let expectNode = mapping["expect"] else {
            report(line, "this check has no 'expect:' condition")
            return nil
        }
        guard let condition = condition(expectNode, block: block, paneNames: paneNames, what: "expect") else { return nil }
        var message = "expected \(condition)"
        if let messageNode = mapping["message"] {
            if let text = messageNode.text { message = text } else { report(block.line(of: messageNode), "message must be text") }
        }
        return Checkpoint(condition: condition, message: message, line: block.line(of: expectNode))
    }

    mutating func question(_ node: Node, line: Int, block: YAMLBlock, paneNames: [String]) -> Question? {
        guard let mapping = node.mapping else {
            report(line, "question needs 'ask', 'choices', 'answer' and 'explain'")
            return nil
        }
        checkKeys(mapping, allowed: Self.questionKeys, where: "a question", block: block)
        let prompt = requiredText(mapping, "ask", block: block, at: line)
        let explanation = requiredText(mapping, "explain", block: block, at: line)
        var choices: [Question.Choice] = []
        if let choicesNode = mapping["choices"] {
            if let items = choicesNode.sequence, items.count >= 2 {
                for item in items {
                    if let text = item.text {
                        choices.append(Question.Choice(text: text, when: nil, line: block.line(of: item)))
                    } else if let choice = item.mapping {
                        checkKeys(choice, allowed: Self.choiceKeys, where: "a choice", block: block)
                        guard let text = requiredText(choice, "text", block: block, at: block.line(of: item)) else { continue }
                        var when: Condition?
                        if let whenNode = choice["when"] {
                            when = condition(whenNode, block: block, paneNames: paneNames, what: "when")
                        }
                        var why: String?
                        if let whyNode = choice["why"] {
                            if let text = whyNode.text { why = text } else {
                                report(block.line(of: whyNode), "why must be one line of text: the misconception behind this choice")
                            }
                        }
                        choices.append(Question.Choice(text: text, when: when, line: block.line(of: item), why: why))
                    } else {
                        report(block.line(of: item), "a choice is text, or 'text:' and 'when:'")
                    }
                }
            } else {
                report(block.line(of: choicesNode), "choices must be a list of two or more")
            }
        } else {
            report(line, "question has no 'choices'")
        }
        var reveal: Condition?
        if let revealNode = mapping["reveal"] {
            reveal = condition(revealNode, block: block, paneNames: paneNames, what: "reveal")
        }
        guard let answerNode = mapping["answer"] else {
            report(line, "question has no 'answer' (the letter of the right choice, e.g. 'answer: b')")
            return nil
        }
        let answerLine = block.line(of: answerNode)
        guard let answerText = answerNode.text?.lowercased(),
              let answer = (0..<max(choices.count, 0)).first(where: { Question.letter($0) == answerText || "\($0 + 1)" == answerText })
        else {
            let letters = (0..<choices.count).map(Question.letter).joined(separator: ", ")
            report(answerLine, "answer must be the letter of one of the choices (\(letters))")
            return nil
        }
        if choices[answer].why != nil {
            report(choices[answer].line, "'why:' names the misconception behind a wrong choice; the answer's choice has none")
        }
        if choices[answer].when == nil {
            report(choices[answer].line, "the answer's choice needs a 'when:' condition, so it is graded by what the kernel does")
        }
        guard let prompt, let explanation else { return nil }
        return Question(prompt: prompt, choices: choices, answer: answer, answerLine: answerLine, reveal: reveal,
                        explanation: explanation, line: line)
    }
}
