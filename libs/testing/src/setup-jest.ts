// Registers cdktf's jest matchers (toHaveResourceWithProperties, ...) for every project's tests.
import { Testing } from 'cdktf';

Testing.setupJest();
