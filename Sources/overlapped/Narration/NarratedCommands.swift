import ArgumentParser
import LessonKit
import SimRuntime

extension CompareCommand {
    /// `compare --narrate`: the scenario's programs on one clock, told to the end.
    func tellNarrated() throws {
        let panes: [NarratedRun]
        let labels: [String]
        do {
            let (scenario, directory) = try CompareSimulations.loadScenario(scenario)
            panes = try CompareSimulations.make(scenario, settings: settings, directory: directory).compactMap { simulation in
                (simulation as? ProgramRun).map(NarratedRun.init)
            }
            labels = scenario.panes.map(\.label)
        } catch {
            InteractiveUI.fail(String(describing: error))
            throw ExitCode(1)
        }
        NarrationPrinter().tell(panes, labels: labels)
    }
}

extension LessonOpenCommand {
    /// `lesson --narrate`: the lesson read linearly, answers from stdin.
    func tellNarrated(_ lesson: Lesson) throws {
        do {
            try NarrationPrinter().tell(lesson: lesson, factory: LessonSimulations.factory)
        } catch let stopped as NarrationPrinter.Stopped {
            InteractiveUI.fail(stopped.reason)
            throw ExitCode(1)
        } catch {
            throw ValidationError("the lesson's program could not be started: \(error)")
        }
    }
}
