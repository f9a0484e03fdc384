import RuleKit
