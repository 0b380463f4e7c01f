package org.wirecopy.train;

import org.wirecopy.classify.ArticleLabeller;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.eval.Learner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The network as a {@link Learner}: trains with a {@link TrainingConfig}, holding out a seeded share of the training
 * articles as the dev set that picks the epoch (so the test fold is never looked at).
 *
 * <p>Thread-safe (each call trains its own model).
 */
public final class NetworkLearner implements Learner {

    private final TrainingConfig config;
    private final double devShare;
    private final java.util.function.Consumer<Trainer.Progress> listener;

    /**
     * A learner that trains with {@code config}, reporting no progress.
     *
     * @param config   the training configuration
     * @param devShare share of training articles held out to pick the epoch, 0 (train all epochs) to 0.5
     * @throws IllegalArgumentException when {@code devShare} is out of range
     */
    public NetworkLearner(TrainingConfig config, double devShare) {
        if (devShare < 0 || devShare > 0.5) throw new IllegalArgumentException("devShare must be in 0..0.5");
        this.config = config;
        this.devShare = devShare;
        this.listener = p -> { };
    }

    /**
     * The same learner reporting every epoch of every model it trains to {@code listener} (called on the training
     * thread; it must be thread-safe if models are trained in parallel).
     *
     * @param listener receives every epoch's progress; not null
     * @return a new learner
     */
    public NetworkLearner withProgress(java.util.function.Consumer<Trainer.Progress> listener) {
        return new NetworkLearner(config, devShare, java.util.Objects.requireNonNull(listener, "listener"), true);
    }

    private NetworkLearner(TrainingConfig config, double devShare, java.util.function.Consumer<Trainer.Progress> l,
                           boolean validated) {
        this.config = config;
        this.devShare = devShare;
        this.listener = l;
    }

    @Override
    public String name() {
        return "wirecopy-" + config.network().architecture().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public ArticleLabeller train(Corpus train) {
        if (devShare == 0) return new Classifier(new Trainer(config).onProgress(listener).train(train, null));
        List<LabelledArticle> order = new ArrayList<>(train.articles());
        Collections.shuffle(order, new Random(config.seed() ^ 0x2545F4914F6CDD1DL));
        int nDev = Math.max(1, (int) Math.round(order.size() * devShare));
        Corpus dev = new Corpus(train.name() + "[inner dev]", order.subList(0, nDev));
        java.util.Set<LabelledArticle> devSet = new java.util.HashSet<>(order.subList(0, nDev));
        List<LabelledArticle> rest = new ArrayList<>();
        for (LabelledArticle a : train.articles()) if (!devSet.contains(a)) rest.add(a);
        Corpus inner = new Corpus(train.name() + "[inner train]", rest);
        return new Classifier(new Trainer(config).onProgress(listener).train(inner, dev));
    }
}
